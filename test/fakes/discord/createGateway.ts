// The Discord gateway (v10, encoding=json) as @discordjs/ws's WebSocketShard expects it: HELLO on connect,
// IDENTIFY → READY (+ GUILD_CREATE per guild), HEARTBEAT → HEARTBEAT_ACK, RESUME → replay + RESUMED (or
// INVALID_SESSION false, which makes the client re-identify), close codes 4001–4013 for protocol errors.
// Compression: discord.js asks for compress=zlib-stream only when zlib-sync is installed (it is not here), and
// @discordjs/ws falls back to identify compression (IDENTIFY d.compress) otherwise; both are supported.
// Sharding as on Discord: IDENTIFY's shard [id, count] (absent means [0, 1]) picks the guilds of the session,
// those with (guild_id >> 22) % count === id; every dispatch goes only to the sessions of its guild's shard
// (events without a guild to shard 0). An invalid shard closes with 4010, and a session that would hold more
// than maxGuildsPerShard guilds (Discord: 2,500) with 4011 Sharding required.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import zlib from 'node:zlib';
import type { APIUser, GatewayGuildCreateDispatchData } from 'discord.js';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { shardOfGuild } from './shardOfGuild.ts';

export interface GatewayPayload {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

export interface ReceivedPayload {
  op: number;
  d: unknown;
  at: number;
}

export interface GatewayOptions {
  token: string;
  bot: APIUser;
  applicationId: string;
  heartbeatIntervalMs: number;
  guildCreateDelayMs: number;
  /** Discord closes with 4011 when one session would hold more guilds than this (2,500). */
  maxGuildsPerShard: number;
  url(): string;
  guildCreates(): GatewayGuildCreateDispatchData[];
  nextSessionId(): string;
}

export interface Gateway {
  readonly received: ReceivedPayload[];
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Sends a dispatch to every identified session that has the intent (or to all when intent is omitted). */
  dispatch(event: string, data: unknown, intent?: number): void;
  /** Op 7: the client closes with 4200 and resumes on resume_gateway_url. */
  sendReconnect(): void;
  /** Op 9: with resumable false the client starts a new session. */
  invalidateSessions(resumable: boolean): void;
  /** Closes every connection with this code; non-1000 codes leave sessions resumable. */
  disconnect(code: number, reason?: string): void;
  openConnections(): number;
  sessionCount(): number;
  /** The [id, count] of every identified session, in the order they identified. */
  sessionShards(): Array<[number, number]>;
  close(): void;
}

const GUILDS_INTENT = 1;
const BACKLOG_LIMIT = 1000;
const SUPPORTED_VERSIONS = new Set(['9', '10']);

interface Session {
  id: string;
  seq: number;
  intents: number;
  shard: [number, number];
  backlog: Array<{ s: number; payload: GatewayPayload }>;
  connection: Connection | null;
}

interface Connection {
  socket: WebSocket;
  session: Session | null;
  deflate: zlib.Deflate | null;
  identifyCompress: boolean;
  queue: Promise<void>;
}

function deflateFrame(deflate: zlib.Deflate, text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
    };
    deflate.on('data', onData);
    deflate.write(text, (error) => {
      if (error) reject(error);
    });
    // A sync flush ends each message with 00 00 ff ff, which is how the client knows a message is complete.
    deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
      deflate.off('data', onData);
      resolve(Buffer.concat(chunks));
    });
  });
}

export function createGateway(options: GatewayOptions): Gateway {
  const wss = new WebSocketServer({ noServer: true });
  const sessions = new Map<string, Session>();
  const connections = new Set<Connection>();
  const timers = new Set<NodeJS.Timeout>();
  const received: ReceivedPayload[] = [];

  function send(connection: Connection, payload: GatewayPayload): void {
    const text = JSON.stringify(payload);
    connection.queue = connection.queue.then(async () => {
      if (connection.socket.readyState !== WebSocket.OPEN) return;
      if (connection.deflate) connection.socket.send(await deflateFrame(connection.deflate, text));
      else if (connection.identifyCompress) connection.socket.send(zlib.deflateSync(text));
      else connection.socket.send(text);
    });
    connection.queue.catch(() => undefined);
  }

  function dispatchTo(session: Session, event: string, data: unknown): void {
    session.seq += 1;
    const payload: GatewayPayload = { op: 0, t: event, s: session.seq, d: data };
    session.backlog.push({ s: session.seq, payload });
    if (session.backlog.length > BACKLOG_LIMIT) session.backlog.shift();
    if (session.connection) send(session.connection, payload);
  }

  /** Whether the session's shard receives this event: its guild's shard, or shard 0 for events with no guild. */
  function receives(session: Session, event: string, data: unknown): boolean {
    const guildId = guildOfEvent(event, data);
    const [id, count] = session.shard;
    return guildId === null ? id === 0 : shardOfGuild(guildId, count) === id;
  }

  function later(delayMs: number, action: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, delayMs);
    timers.add(timer);
  }

  function closeWith(connection: Connection, code: number, reason: string): void {
    // Let queued frames go out first so the client sees them before the close.
    void connection.queue.then(() => {
      if (connection.socket.readyState === WebSocket.OPEN) connection.socket.close(code, reason);
    });
  }

  function identify(connection: Connection, data: Record<string, unknown>): void {
    if (connection.session) return closeWith(connection, 4005, 'Already authenticated.');
    if (stripPrefix(data.token) !== options.token) return closeWith(connection, 4004, 'Authentication failed.');
    if (typeof data.intents !== 'number' || data.intents < 0) return closeWith(connection, 4013, 'Invalid intent(s).');
    const shard = data.shard === undefined ? ([0, 1] as [number, number]) : readShard(data.shard);
    if (!shard) return closeWith(connection, 4010, 'Invalid shard.');
    const guilds = options.guildCreates().filter((guild) => shardOfGuild(guild.id, shard[1]) === shard[0]);
    if (guilds.length > options.maxGuildsPerShard) return closeWith(connection, 4011, 'Sharding required.');
    connection.identifyCompress = data.compress === true && connection.deflate === null;
    const session: Session = { id: options.nextSessionId(), seq: 0, intents: data.intents, shard, backlog: [], connection };
    sessions.set(session.id, session);
    connection.session = session;
    dispatchTo(session, 'READY', {
      v: 10,
      user_settings: {},
      user: { ...options.bot, bot: true, verified: true, mfa_enabled: false, flags: 0, email: null },
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: options.url(),
      ...(data.shard === undefined ? {} : { shard }),
      application: { id: options.applicationId, flags: 0 },
      relationships: [],
      private_channels: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['hongkong', 'singapore'],
      auth: {},
      _trace: ['["fake-gateway",{"micros":0}]'],
    });
    if ((session.intents & GUILDS_INTENT) === 0) return;
    // Later frames, as over a real network: discord.js must have taken READY's guild list (WebSocketShard
    // onReadyPacket) before the first GUILD_CREATE arrives, or it waits waitGuildTimeout for that guild.
    later(options.guildCreateDelayMs, () => {
      for (const guild of guilds) dispatchTo(session, 'GUILD_CREATE', guild);
    });
  }

  function resume(connection: Connection, data: Record<string, unknown>): void {
    if (connection.session) return closeWith(connection, 4005, 'Already authenticated.');
    if (stripPrefix(data.token) !== options.token) return closeWith(connection, 4004, 'Authentication failed.');
    const session = typeof data.session_id === 'string' ? sessions.get(data.session_id) : undefined;
    const seq = typeof data.seq === 'number' ? data.seq : -1;
    if (!session || seq < 0) {
      send(connection, { op: 9, d: false, s: null, t: null });
      return;
    }
    if (seq > session.seq) return closeWith(connection, 4007, 'Invalid seq.');
    const oldest = session.backlog[0]?.s ?? session.seq + 1;
    if (seq + 1 < oldest && seq !== session.seq) {
      send(connection, { op: 9, d: false, s: null, t: null }); // events were lost; start over
      return;
    }
    if (session.connection && session.connection !== connection) {
      closeWith(session.connection, 4000, 'Session resumed elsewhere.');
    }
    session.connection = connection;
    connection.session = session;
    for (const entry of session.backlog) if (entry.s > seq) send(connection, entry.payload);
    dispatchTo(session, 'RESUMED', { _trace: ['["fake-gateway",{"micros":0}]'] });
  }

  function onPayload(connection: Connection, raw: RawData): void {
    let payload: GatewayPayload;
    try {
      payload = JSON.parse(raw.toString()) as GatewayPayload;
    } catch {
      return closeWith(connection, 4002, 'Error while decoding payload.');
    }
    if (typeof payload !== 'object' || payload === null || typeof payload.op !== 'number') {
      return closeWith(connection, 4002, 'Error while decoding payload.');
    }
    received.push({ op: payload.op, d: payload.d, at: Date.now() });
    const data = (typeof payload.d === 'object' && payload.d !== null ? payload.d : {}) as Record<string, unknown>;
    switch (payload.op) {
      case 1:
        return send(connection, { op: 11, d: null, s: null, t: null });
      case 2:
        return identify(connection, data);
      case 6:
        return resume(connection, data);
      case 3: // presence update
      case 4: // voice state update
      case 8: // request guild members
      case 31: // request soundboard sounds
        if (!connection.session) closeWith(connection, 4003, 'Not authenticated.');
        return;
      default:
        return closeWith(connection, 4001, 'Unknown opcode.');
    }
  }

  wss.on('connection', (socket: WebSocket, req: IncomingMessage) => {
    const query = new URL(req.url ?? '/', 'ws://127.0.0.1').searchParams;
    const compress = query.get('compress');
    const connection: Connection = {
      socket,
      session: null,
      deflate: compress === 'zlib-stream' ? zlib.createDeflate() : null,
      identifyCompress: false,
      queue: Promise.resolve(),
    };
    connections.add(connection);
    socket.on('message', (raw) => onPayload(connection, raw));
    socket.on('error', () => undefined);
    socket.on('close', (code) => {
      connections.delete(connection);
      connection.deflate?.close();
      const session = connection.session;
      if (session && session.connection === connection) {
        session.connection = null;
        // Closing with 1000 or 1001 ends the session; other codes keep it resumable, as on Discord.
        if (code === 1000 || code === 1001) sessions.delete(session.id);
      }
    });

    if (!SUPPORTED_VERSIONS.has(query.get('v') ?? '')) return closeWith(connection, 4012, 'Invalid API version.');
    if ((query.get('encoding') ?? 'json') !== 'json') return closeWith(connection, 4002, 'The fake gateway only speaks encoding=json.');
    if (compress !== null && compress !== 'zlib-stream') return closeWith(connection, 4002, 'Unknown compression.');
    send(connection, { op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs, _trace: ['["fake-gateway",{"micros":0}]'] }, s: null, t: null });
  });

  return {
    received,

    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },

    dispatch(event, data, intent) {
      for (const session of sessions.values()) {
        if ((intent === undefined || (session.intents & intent) !== 0) && receives(session, event, data)) dispatchTo(session, event, data);
      }
    },

    sendReconnect() {
      for (const connection of connections) send(connection, { op: 7, d: null, s: null, t: null });
    },

    invalidateSessions(resumable) {
      for (const connection of connections) {
        if (!resumable && connection.session) {
          sessions.delete(connection.session.id);
          connection.session = null;
        }
        send(connection, { op: 9, d: resumable, s: null, t: null });
      }
    },

    disconnect(code, reason = 'Disconnected by the fake gateway') {
      for (const connection of connections) closeWith(connection, code, reason);
    },

    openConnections: () => connections.size,
    sessionCount: () => sessions.size,
    sessionShards: () => [...sessions.values()].map((session) => [...session.shard] as [number, number]),

    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const connection of connections) {
        connection.socket.terminate();
        connection.deflate?.close();
      }
      connections.clear();
      sessions.clear();
      wss.close();
    },
  };
}

/** [shard_id, num_shards] with 0 <= shard_id < num_shards, or null when IDENTIFY's shard is not that. */
function readShard(value: unknown): [number, number] | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [id, count] = value as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return null;
  return (count as number) >= 1 && (id as number) >= 0 && (id as number) < (count as number) ? [id as number, count as number] : null;
}

/** The guild an event belongs to: the guild itself for GUILD_CREATE/UPDATE/DELETE, else its guild_id. */
function guildOfEvent(event: string, data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as { id?: unknown; guild_id?: unknown };
  if ((event === 'GUILD_CREATE' || event === 'GUILD_UPDATE' || event === 'GUILD_DELETE') && typeof record.id === 'string') return record.id;
  return typeof record.guild_id === 'string' ? record.guild_id : null;
}

function stripPrefix(token: unknown): string {
  return typeof token === 'string' ? token.replace(/^Bot\s+/i, '') : '';
}
