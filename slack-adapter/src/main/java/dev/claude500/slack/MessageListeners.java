package dev.claude500.slack;

import java.util.Objects;

/**
 * The listeners of the ways in from a message already posted: the "Triage with claude500"
 * shortcut, the offers under pasted errors and their button.
 *
 * @param shortcut the message shortcut
 * @param offers looks at new top-level messages for an offer
 * @param offerButton a click on an offer's button
 */
record MessageListeners(TriageShortcut shortcut, PasteOffers offers, OfferButton offerButton) {
  MessageListeners {
    Objects.requireNonNull(shortcut, "shortcut");
    Objects.requireNonNull(offers, "offers");
    Objects.requireNonNull(offerButton, "offerButton");
  }
}
