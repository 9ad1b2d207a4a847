// The claim on a Discord interaction, for the Discord bot (front-ends do not import db/): with several replicas
// holding the gateway, each receives every command, and only the one that claims it answers.
export { claimDiscordInteraction } from '../db/discordInteractions.ts';
