// Discord ids are snowflakes: milliseconds since the Discord epoch shifted left 22 bits, plus a counter. Real-looking
// ids matter because @discordjs/rest only recognises 17–19 digit ids as route major parameters.
const DISCORD_EPOCH = 1_420_070_400_000n;

export type SnowflakeFactory = () => string;

export function createSnowflakes(now: () => number = Date.now): SnowflakeFactory {
  let increment = 0n;
  return () => {
    increment = (increment + 1n) & 0xfffn;
    return String(((BigInt(now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment);
  };
}

