package dev.claude500.errors;

/** Where a pasted error came from, which decides whether the status page can explain it. */
public enum Origin {
  /** Anthropic's API as Claude Code reached it (the default). */
  API,
  /** The sign-in (OAuth) page or flow: {@code /login}, {@code claude.ai/oauth/authorize}. */
  SIGN_IN,
  /**
   * A gateway, proxy or other provider between Claude Code and Anthropic (LiteLLM, OpenRouter,
   * Amazon Bedrock, ...): its failures are not Anthropic's, and the status page cannot explain
   * them.
   */
  GATEWAY
}
