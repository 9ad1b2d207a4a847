// Discord's message limits, as the API enforces them (embed limits and "6000 characters across all embeds of a
// message"). Lengths are counted in UTF-16 code units, which is never less than what Discord counts.
export const DISCORD_LIMITS = Object.freeze({
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Title, description, field names and values, footer and author of every embed in one message. */
  messageEmbedText: 6000,
  embedsPerMessage: 10,
  content: 2000,
  nonce: 25,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
});
