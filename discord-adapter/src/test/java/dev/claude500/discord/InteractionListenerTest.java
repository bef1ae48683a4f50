package dev.claude500.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import dev.claude500.testing.TeamStatsRigs;

import dev.claude500.adapters.AdapterServices;
import dev.claude500.chat.Actor;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Commands;
import dev.claude500.commands.Subcommand;
import dev.claude500.commands.SubscriptionService;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.metrics.MeterNames;
import dev.claude500.outbox.Outbox;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.FixedStatusSource;
import dev.claude500.testing.InMemoryOutboxStore;
import dev.claude500.testing.ManualScheduler;
import dev.claude500.testing.ManualExecutor;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.RecordingChatPort;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.TriageEngines;
import dev.claude500.testing.WhoIsHit;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageResult;
import dev.claude500.triage.TriageView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.tree.MessageComponentTree;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.unions.IThreadContainerUnion;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.interactions.response.InteractionCallbackResponse;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.ThreadChannelAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.AutoCompleteCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ModalCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.ArgumentMatchers;

/**
 * The listener with Mockito-built JDA events, a real engine on an in-memory store, and a manual
 * executor standing for the work pool: what is acknowledged on JDA's thread, and what waits for
 * the work executor.
 */
class InteractionListenerTest {
  private static final String CHANNEL = "222";
  private static final String THREAD = "333";
  private static final ConversationKey KEY = new ConversationKey("discord", CHANNEL, THREAD);
  private static final Actor ALICE = new Actor(JdaMocks.USER, JdaMocks.USER_NAME);

  private final JdaMocks jda = new JdaMocks();
  private final ManualExecutor work = new ManualExecutor();
  private final FixedStatusSource status = new FixedStatusSource(StatusFixtures.greenSnapshot());
  private final MutableClock clock = new MutableClock(StatusFixtures.GREEN_AT.plusSeconds(30));
  private final InMemoryStore store = new InMemoryStore();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TriageEngine engine;
  private final AdapterServices services;
  /** Where the outbox sends triage replies: the Discord chat port in a running bot. */
  private final RecordingChatPort chat = new RecordingChatPort("discord");
  private final CustomIds ids = new CustomIds(CustomIds.MAX);
  /** The server of each channel commands came from, as the listener told the chat port. */
  private final Map<String, String> servers = new java.util.concurrent.ConcurrentHashMap<>();
  private final InteractionListener listener;
  private final InteractionHook hook = mock(InteractionHook.class);
  private final ThreadChannel thread = mock(ThreadChannel.class);
  private final MessageCreateAction post;

  InteractionListenerTest() {
    Playbook playbook = PlaybookLoader.builtIn();
    engine = TriageEngines.of(Map.of(playbook.id(), playbook), playbook.id(), store.conversations(), status, clock,
        Duration.ofMinutes(30));
    Commands commands = new Commands(engine, status, new SubscriptionService(store.subscriptions(), store.autodetect(), status, clock), clock, TeamStatsRigs.of(store, clock));
    Outbox outbox = new Outbox(new InMemoryOutboxStore(), store.ledger(), clock, new ManualScheduler(clock));
    outbox.register(chat);
    services = new AdapterServices(engine, commands, status, store, clock, new BotMetrics(registry), outbox,
        new WhoIsHit(store, status, outbox, clock, new ManualScheduler(clock), BotMetrics.none()).button());
    listener = InteractionListener.create(services, chat, servers::put, new Worker(work), new DiscordMessages(ids), ids);
    post = jda.action(MessageCreateAction.class, "post", null);
    when(thread.getId()).thenReturn(THREAD);
    when(thread.sendMessage(any(MessageCreateData.class))).thenReturn(post);
  }

  private long acks(String kind) {
    return registry.get(MeterNames.ACK_LATENCY).tags("platform", "discord", "kind", kind).timer().count();
  }

  @SuppressWarnings("unchecked")
  private WebhookMessageCreateAction<Message> followUp(String name) {
    WebhookMessageCreateAction<Message> action = jda.action(WebhookMessageCreateAction.class, name, null);
    when(hook.sendMessage(any(MessageCreateData.class))).thenReturn(action);
    return action;
  }

  @SuppressWarnings("unchecked")
  private WebhookMessageEditAction<Message> editOriginal() {
    WebhookMessageEditAction<Message> action = jda.action(WebhookMessageEditAction.class, "edit", null);
    when(hook.editOriginal(any(MessageEditData.class))).thenReturn(action);
    return action;
  }

  private SlashCommandInteractionEvent slash(String subcommand, MessageChannelUnion channel) {
    SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
    JdaMocks.person(event);
    when(event.getName()).thenReturn(SlashCommand.NAME);
    when(event.getSubcommandName()).thenReturn(subcommand);
    when(event.getChannel()).thenReturn(channel);
    when(event.getHook()).thenReturn(hook);
    return event;
  }

  private static MessageChannelUnion textChannel(IThreadContainer container) {
    MessageChannelUnion channel = mock(MessageChannelUnion.class);
    when(channel.getType()).thenReturn(ChannelType.TEXT);
    when(channel.getId()).thenReturn(CHANNEL);
    when(channel.asThreadContainer()).thenReturn(container);
    return channel;
  }

  private MessageChannelUnion inThread() {
    MessageChannelUnion channel = mock(MessageChannelUnion.class);
    when(channel.getType()).thenReturn(ChannelType.GUILD_PUBLIC_THREAD);
    when(channel.getId()).thenReturn(THREAD);
    IThreadContainerUnion parent = mock(IThreadContainerUnion.class);
    when(parent.getId()).thenReturn(CHANNEL);
    when(thread.getParentChannel()).thenReturn(parent);
    when(channel.asThreadChannel()).thenReturn(thread);
    when(channel.sendMessage(any(MessageCreateData.class))).thenReturn(post);
    return channel;
  }

  private Message shown(String content, Button... buttons) {
    Message message = mock(Message.class);
    when(message.getContentRaw()).thenReturn(content);
    when(message.getContentStripped()).thenReturn(content);
    when(message.getComponentTree()).thenReturn(buttons.length == 0 ? MessageComponentTree.of(List.of())
        : MessageComponentTree.of(ActionRow.partitionOf(Arrays.asList(buttons))));
    return message;
  }

  private ButtonInteractionEvent click(String customId, Button button, Message message) {
    ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
    JdaMocks.person(event);
    when(event.getComponentId()).thenReturn(customId);
    when(event.getButton()).thenReturn(button);
    when(event.getMessage()).thenReturn(message);
    MessageChannelUnion channel = inThread();
    when(event.getChannel()).thenReturn(channel);
    MessageEditCallbackAction ack = jda.action(MessageEditCallbackAction.class, "ack", hook);
    when(event.deferEdit()).thenReturn(ack);
    return event;
  }

  private Reply.Question started() {
    TriageResult r = engine.start(KEY, ALICE, "");
    return (Reply.Question) r.replies().get(r.replies().size() - 1);
  }

  private Optional<String> pending() {
    return engine.find(KEY).flatMap(TriageView::pendingToken);
  }

  @Test
  @DisplayName("status is deferred (ephemeral) on JDA's thread; the page is read only on the work executor")
  void statusDeferredBeforeThePageIsRead() {
    ReplyCallbackAction defer = jda.action(ReplyCallbackAction.class, "defer", hook);
    SlashCommandInteractionEvent event = slash(Subcommand.STATUS.word(), textChannel(mock(IThreadContainer.class)));
    when(event.deferReply(true)).thenReturn(defer);
    WebhookMessageCreateAction<Message> send = followUp("send");

    listener.onSlashCommandInteraction(event);

    assertThat(jda.log).containsExactly("defer");
    assertThat(status.calls()).isZero();
    assertThat(work.pending()).isEqualTo(1);
    assertThat(acks("command")).as("the time to the acknowledgement is recorded").isEqualTo(1);

    work.runAll();
    assertThat(status.calls()).isPositive();
    assertThat(jda.log).containsExactly("defer", "send");
    verify(send).setEphemeral(true);
    ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(hook).sendMessage(sent.capture());
    assertThat(sent.getValue().getEmbeds().get(0).getTitle()).isEqualTo("🟢 Status page: green");
    assertThat(sent.getValue().getEmbeds().get(0).getColorRaw()).isEqualTo(Colours.GREEN);
  }

  @Test
  @DisplayName("a command tells the chat port its channel's server, as the interaction carries it, before any work")
  void commandTellsItsServer() {
    ReplyCallbackAction defer = jda.action(ReplyCallbackAction.class, "defer", hook);
    SlashCommandInteractionEvent event = slash(Subcommand.STATS.word(), textChannel(mock(IThreadContainer.class)));
    Guild guild = mock(Guild.class);
    when(guild.getId()).thenReturn("G0SERVER");
    when(event.getGuild()).thenReturn(guild);
    when(event.deferReply(true)).thenReturn(defer);

    listener.onSlashCommandInteraction(event);

    assertThat(servers).containsExactly(Map.entry(CHANNEL, "G0SERVER"));
    assertThat(work.pending()).as("the stats are drawn after").isEqualTo(1);
  }

  @Test
  @DisplayName("triage: the reply is the acknowledgement; the thread and the engine come after, on the work executor")
  void triageRepliesThenThreadThenEngine() {
    IThreadContainer parent = mock(IThreadContainer.class);
    when(parent.getId()).thenReturn(CHANNEL);
    SlashCommandInteractionEvent event = slash(Subcommand.TRIAGE.word(), textChannel(parent));
    ReplyCallbackAction reply = jda.action(ReplyCallbackAction.class, "reply", hook);
    when(event.reply(any(MessageCreateData.class))).thenReturn(reply);
    Message first = mock(Message.class);
    when(first.getId()).thenReturn(THREAD);
    InteractionCallbackResponse response = mock(InteractionCallbackResponse.class);
    when(response.getMessage()).thenReturn(first);
    when(hook.hasCallbackResponse()).thenReturn(true);
    when(hook.getCallbackResponse()).thenReturn(response);
    ThreadChannelAction create = jda.action(ThreadChannelAction.class, "thread", thread);
    when(parent.createThreadChannel(anyString(), eq(THREAD))).thenReturn(create);

    listener.onSlashCommandInteraction(event);

    assertThat(jda.log).containsExactly("reply");
    assertThat(engine.find(KEY)).isEmpty();
    ArgumentCaptor<MessageCreateData> replied = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(event).reply(replied.capture());
    assertThat(replied.getValue().getContent()).startsWith("<@" + JdaMocks.USER + "> started a Claude Code 500 triage");
    assertThat(replied.getValue().getEmbeds().get(0).getColorRaw()).isEqualTo(Colours.GREEN);

    work.runAll();
    assertThat(jda.log).containsExactly("reply", "thread");
    assertThat(engine.find(KEY)).hasValueSatisfying(v -> assertThat(v.startedBy()).isEqualTo(ALICE));
    List<RecordingChatPort.Post> posted = chat.thread(KEY.channelRef(), THREAD);
    assertThat(posted).as("the replies went to the thread through the outbox").isNotEmpty();
    MessageCreateData question = new DiscordMessages(ids).render(posted.get(posted.size() - 1).reply()).get(0);
    assertThat(question.getComponentTree().findAll(Button.class)).extracting(Button::getCustomId)
        .contains("c5:a:which-error@0:500", "c5:a:which-error@0:529");
  }

  @Test
  @DisplayName("a choice is acknowledged first; then the engine applies it, the question is edited, the next one posted")
  void answerAppliedAfterTheAcknowledgement() {
    Reply.Question q = started();
    Button chosen = Button.secondary(ids.answer(q.token(), "500"), "API Error: 500");
    Button other = Button.secondary(ids.answer(q.token(), "529"), "529 Overloaded");
    ButtonInteractionEvent event = click(chosen.getCustomId(), chosen, shown("Which error?", chosen, other));
    editOriginal();

    listener.onButtonInteraction(event);

    assertThat(jda.log).containsExactly("ack");
    assertThat(pending()).contains(q.token());
    assertThat(acks("button")).isEqualTo(1);

    work.runAll();
    assertThat(pending()).isPresent().isNotEqualTo(Optional.of(q.token()));
    assertThat(jda.log).containsExactly("ack", "edit");
    assertThat(chat.thread(KEY.channelRef(), THREAD)).as("the next step, through the outbox").isNotEmpty();
    ArgumentCaptor<MessageEditData> edit = ArgumentCaptor.forClass(MessageEditData.class);
    verify(hook).editOriginal(edit.capture());
    assertThat(edit.getValue().getContent()).startsWith("Which error?").contains("**API Error: 500**")
        .contains("chosen by <@" + JdaMocks.USER + ">");
    List<Button> buttons = MessageComponentTree.of(edit.getValue().getComponents()).findAll(Button.class);
    assertThat(buttons).allMatch(Button::isDisabled);
    assertThat(buttons).filteredOn(b -> b.getStyle() == ButtonStyle.SUCCESS).extracting(Button::getLabel)
        .containsExactly("API Error: 500");
  }

  @Test
  @DisplayName("a button whose id had to carry hashes is applied by another process (after a restart), once")
  void hashedIdsAfterARestart() {
    Reply.Question q = started();
    CustomIds shortIds = new CustomIds(20); // the built-in playbook's ids fit 100; make them hash here
    List<Button> posted = new DiscordMessages(shortIds).render(q).get(0).getComponentTree().findAll(Button.class);
    Button chosen = posted.stream().filter(b -> b.getLabel().startsWith("API Error: 500")).findFirst().orElseThrow();
    assertThat(chosen.getCustomId()).startsWith("c5:A:").doesNotContain(q.token());
    CustomIds restarted = new CustomIds(20);
    InteractionListener other = InteractionListener.create(services, chat, servers::put, new Worker(work), new DiscordMessages(restarted),
        restarted);
    ButtonInteractionEvent event = click(chosen.getCustomId(), chosen, shown("Which error?", posted.toArray(Button[]::new)));
    editOriginal();

    other.onButtonInteraction(event);
    work.runAll();

    assertThat(pending()).isPresent().isNotEqualTo(Optional.of(q.token()));
    assertThat(engine.find(KEY).orElseThrow().questions()).isEqualTo(2);
    ButtonInteractionEvent again = click(chosen.getCustomId(), chosen, shown("Which error?", chosen));
    other.onButtonInteraction(again);
    work.runAll();
    assertThat(engine.find(KEY).orElseThrow().questions()).as("the second click is stale").isEqualTo(2);
  }

  @Test
  @DisplayName("a stale click (the question was answered) is acknowledged and nothing else")
  void staleClickOnlyAcknowledged() {
    Reply.Question q = started();
    engine.answer(KEY, ALICE, q.token(), "500");
    Button old = Button.secondary(ids.answer(q.token(), "529"), "529 Overloaded");
    ButtonInteractionEvent event = click(old.getCustomId(), old, shown("Which error?", old));
    WebhookMessageEditAction<Message> edit = editOriginal();

    listener.onButtonInteraction(event);
    work.runAll();

    assertThat(jda.log).containsExactly("ack");
    verify(hook, never()).editOriginal(any(MessageEditData.class));
    verify(edit, never()).complete();
  }

  @Test
  @DisplayName("a button that is not ours is acknowledged and ignored")
  void foreignButton() {
    Button foreign = Button.secondary("someone-else:1", "Other");
    ButtonInteractionEvent event = click("someone-else:1", foreign, shown("x", foreign));
    listener.onButtonInteraction(event);
    assertThat(jda.log).containsExactly("ack");
    assertThat(work.pending()).isZero();
  }

  private Reply.TextRequest atTextRequest() {
    engine.start(KEY, ALICE, "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
        + "\"message\":\"Internal server error\"},\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}");
    engine.answer(KEY, ALICE, pending().orElseThrow(), "login");
    TriageResult r = engine.answer(KEY, ALICE, pending().orElseThrow(), "still-failing");
    return (Reply.TextRequest) r.replies().get(r.replies().size() - 1);
  }

  @Test
  @DisplayName("Paste… opens a modal at once, as the acknowledgement; nothing else happens")
  void pasteOpensTheModal() {
    Reply.TextRequest request = atTextRequest();
    Button paste = Button.primary(ids.paste(request.token()), DiscordMessages.PASTE_LABEL);
    ButtonInteractionEvent event = click(paste.getCustomId(), paste, shown("Paste what /status shows", paste));
    ModalCallbackAction open = jda.action(ModalCallbackAction.class, "modal", null);
    when(event.replyModal(any(Modal.class))).thenReturn(open);

    listener.onButtonInteraction(event);

    assertThat(jda.log).containsExactly("modal");
    assertThat(work.pending()).isZero();
    ArgumentCaptor<Modal> modal = ArgumentCaptor.forClass(Modal.class);
    verify(event).replyModal(modal.capture());
    assertThat(ids.parse(modal.getValue().getId())).hasValueSatisfying(id -> {
      assertThat(id.kind()).isEqualTo(CustomIds.Kind.MODAL);
      assertThat(id.token()).isEqualTo(request.token());
    });
  }

  private ModalInteractionEvent submit(String modalId, String text, Message message) {
    ModalInteractionEvent event = mock(ModalInteractionEvent.class);
    JdaMocks.person(event);
    when(event.getModalId()).thenReturn(modalId);
    ModalMapping value = mock(ModalMapping.class);
    when(value.getAsString()).thenReturn(text);
    when(event.getValue(PasteFlow.TEXT)).thenReturn(value);
    when(event.getMessage()).thenReturn(message);
    MessageChannelUnion channel = inThread();
    when(event.getChannel()).thenReturn(channel);
    MessageEditCallbackAction ack = jda.action(MessageEditCallbackAction.class, "ack", hook);
    when(event.deferEdit()).thenReturn(ack);
    return event;
  }

  @Test
  @DisplayName("a modal submission is acknowledged first, then given to the engine as the text asked for, never echoed")
  void modalAnswersTheTextRequest() {
    Reply.TextRequest request = atTextRequest();
    Button paste = Button.primary(ids.paste(request.token()), DiscordMessages.PASTE_LABEL);
    Button skip = Button.secondary(ids.answer(request.token(), "skip"), "Skip");
    String pasted = "Auth token: sk-ant-api03-" + "x".repeat(40) + "\nModel: claude-sonnet";
    ModalInteractionEvent event = submit(ids.modal(request.token()), pasted, shown("Paste /status", paste, skip));
    editOriginal();

    listener.onModalInteraction(event);

    assertThat(jda.log).containsExactly("ack");
    assertThat(pending()).contains(request.token());

    work.runAll();
    assertThat(pending()).isPresent().isNotEqualTo(Optional.of(request.token()));
    ArgumentCaptor<MessageEditData> edit = ArgumentCaptor.forClass(MessageEditData.class);
    verify(hook).editOriginal(edit.capture());
    assertThat(edit.getValue().getContent()).contains("text pasted by <@" + JdaMocks.USER + ">").doesNotContain("sk-ant");
    assertThat(MessageComponentTree.of(edit.getValue().getComponents()).findAll(Button.class)).allMatch(Button::isDisabled);
    assertThat(jda.log).containsExactly("ack", "edit");
    assertThat(chat.thread(KEY.channelRef(), THREAD)).as("the next step, through the outbox").isNotEmpty();
  }

  @Test
  @DisplayName("a modal for a request that is no longer pending is acknowledged and ignored")
  void staleModal() {
    Reply.TextRequest request = atTextRequest();
    engine.answer(KEY, ALICE, request.token(), "skip");
    Optional<String> now = pending();
    ModalInteractionEvent event = submit(ids.modal(request.token()), "late text", shown("Paste /status"));

    listener.onModalInteraction(event);
    work.runAll();

    assertThat(jda.log).containsExactly("ack");
    assertThat(pending()).isEqualTo(now);
  }

  @Test
  @DisplayName("autocomplete answers at once on JDA's thread from what is known of the page")
  void autocompleteAnswersAtOnce() {
    CommandAutoCompleteInteractionEvent event = mock(CommandAutoCompleteInteractionEvent.class);
    when(event.getName()).thenReturn(SlashCommand.NAME);
    AutoCompleteQuery query = mock(AutoCompleteQuery.class);
    when(query.getName()).thenReturn(SlashCommand.COMPONENTS);
    when(query.getValue()).thenReturn("co");
    when(event.getFocusedOption()).thenReturn(query);
    AutoCompleteCallbackAction answer = jda.action(AutoCompleteCallbackAction.class, "choices", null);
    when(event.replyChoices(ArgumentMatchers.<Collection<Command.Choice>>any())).thenReturn(answer);

    listener.onCommandAutoCompleteInteraction(event);

    assertThat(jda.log).containsExactly("choices");
    assertThat(work.pending()).isZero();
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Collection<Command.Choice>> choices = ArgumentCaptor.forClass(Collection.class);
    verify(event).replyChoices(choices.capture());
    assertThat(choices.getValue()).extracting(Command.Choice::getAsString)
        .contains("ClaudeCode", "ClaudeConsole", "ClaudeCowork");
  }

  @Test
  @DisplayName("a triage in a channel that cannot hold threads is refused at once, ephemerally")
  void triageOutsideTextChannels() {
    MessageChannelUnion voice = mock(MessageChannelUnion.class);
    when(voice.getType()).thenReturn(ChannelType.VOICE);
    SlashCommandInteractionEvent event = slash(Subcommand.TRIAGE.word(), voice);
    ReplyCallbackAction reply = jda.action(ReplyCallbackAction.class, "refuse", hook);
    when(event.reply(any(MessageCreateData.class))).thenReturn(reply);

    listener.onSlashCommandInteraction(event);

    assertThat(jda.log).containsExactly("refuse");
    verify(reply).setEphemeral(true);
    assertThat(work.pending()).isZero();
  }

  @Test
  @DisplayName("when Discord refuses to start the thread, the person is told which permission is missing")
  void missingPermissionTold() {
    IThreadContainer parent = mock(IThreadContainer.class);
    when(parent.getId()).thenReturn(CHANNEL);
    SlashCommandInteractionEvent event = slash(Subcommand.TRIAGE.word(), textChannel(parent));
    ReplyCallbackAction reply = jda.action(ReplyCallbackAction.class, "reply", hook);
    when(event.reply(any(MessageCreateData.class))).thenReturn(reply);
    Message first = mock(Message.class);
    when(first.getId()).thenReturn(THREAD);
    InteractionCallbackResponse response = mock(InteractionCallbackResponse.class);
    when(response.getMessage()).thenReturn(first);
    when(hook.hasCallbackResponse()).thenReturn(true);
    when(hook.getCallbackResponse()).thenReturn(response);
    GuildChannel where = mock(GuildChannel.class);
    Guild guild = mock(Guild.class);
    when(where.getGuild()).thenReturn(guild);
    when(where.getType()).thenReturn(ChannelType.TEXT);
    InsufficientPermissionException refused = new InsufficientPermissionException(where, Permission.CREATE_PUBLIC_THREADS);
    when(parent.createThreadChannel(anyString(), eq(THREAD))).thenThrow(refused);
    WebhookMessageCreateAction<Message> told = followUp("told");

    listener.onSlashCommandInteraction(event);
    work.runAll();

    assertThat(jda.log).containsExactly("reply", "told");
    verify(told).setEphemeral(true);
    ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(hook).sendMessage(sent.capture());
    assertThat(sent.getValue().getContent()).contains("**Create Public Threads permission**");
    assertThat(engine.find(KEY)).isEmpty();
  }
}
