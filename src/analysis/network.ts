/**
 * CIDR and port-range math for network rules: which addresses a CIDR covers, whether a set of
 * CIDRs together covers a whole address family (so that `0.0.0.0/1` + `128.0.0.0/1` counts as the
 * internet, like `0.0.0.0/0`), and whether a rule's protocol and ports reach a given port, with
 * EC2's protocol spellings (`-1`, `tcp`, `6` ...) read exactly as EC2 reads them.
 */

export type IpFamily = 4 | 6;

export interface Cidr {
  readonly family: IpFamily;
  /** First and last address of the block, as integers. */
  readonly first: bigint;
  readonly last: bigint;
  readonly prefix: number;
}

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

/** Parses `a.b.c.d/n`, an IPv6 CIDR, or a bare address (a one-address block); undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const family: IpFamily = address.includes(':') ? 6 : 4;
  const value = family === 4 ? parseIpv4(address) : parseIpv6(address);
  if (value === undefined) return undefined;
  const bits = BITS[family];
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!/^[0-9]{1,3}$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > bits) return undefined;
  }
  const hostBits = BigInt(bits - prefix);
  const first = (value >> hostBits) << hostBits;
  return { family, first, last: first + (1n << hostBits) - 1n, prefix };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined, last: boolean): string[] | undefined => {
    if (half === undefined || half === '') return [];
    const raw = half.split(':');
    const final = raw.at(-1) ?? '';
    if (!last || !final.includes('.')) return raw;
    // An embedded IPv4 address (::ffff:10.0.0.1) stands for the last two groups.
    const v4 = parseIpv4(final);
    if (v4 === undefined) return undefined;
    return [...raw.slice(0, -1), (v4 >> 16n).toString(16), (v4 & 0xffffn).toString(16)];
  };
  const head = groups(halves[0], halves.length === 1);
  const tail = groups(halves[1], true);
  if (head === undefined || tail === undefined) return undefined;
  const compressed = halves.length === 2;
  const missing = 8 - head.length - tail.length;
  if (compressed ? missing < 1 : missing !== 0) return undefined;
  let value = 0n;
  for (const group of [...head, ...Array<string>(compressed ? missing : 0).fill('0'), ...tail]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  return value;
}

/**
 * A block as AWS and RFC 5952 write it: `10.0.0.0/8`; IPv6 lower-case, leading zeros dropped, the
 * longest run of two or more zero groups (the first of equal runs) as `::`.
 */
export function formatCidr(cidr: Pick<Cidr, 'family' | 'first' | 'prefix'>): string {
  if (cidr.family === 4) {
    const octets = [24n, 16n, 8n, 0n].map((shift) => ((cidr.first >> shift) & 0xffn).toString());
    return `${octets.join('.')}/${cidr.prefix}`;
  }
  const groups = Array.from({ length: 8 }, (_, i) => (cidr.first >> BigInt(112 - 16 * i)) & 0xffffn);
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0n) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0n) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.length < 2) return `${hex.join(':')}/${cidr.prefix}`;
  const head = hex.slice(0, best.start).join(':');
  const tail = hex.slice(best.start + best.length).join(':');
  return `${head}::${tail}/${cidr.prefix}`;
}

/**
 * {@link parseCidr} remembered per text: rules and policies of a scan repeat a few CIDRs over and
 * over. Bounded: emptied when it fills.
 */
export function cidrOf(text: string): Cidr | undefined {
  let cidr = knownCidrs.get(text);
  if (cidr === undefined) {
    if (knownCidrs.size >= MAX_KNOWN_CIDRS) knownCidrs.clear();
    cidr = parseCidr(text) ?? null;
    knownCidrs.set(text, cidr);
  }
  return cidr ?? undefined;
}

const knownCidrs = new Map<string, Cidr | null>();
const MAX_KNOWN_CIDRS = 16_384;

/** Whether `outer` contains every address of `inner` (a CIDR or an address); undefined when either is malformed. */
export function cidrContains(outer: string, inner: string): boolean | undefined {
  const a = cidrOf(outer);
  const b = cidrOf(inner);
  if (a === undefined || b === undefined) return undefined;
  return a.family === b.family && a.first <= b.first && b.last <= a.last;
}

/** Whether the blocks together cover every address of the family (e.g. `0.0.0.0/0`, or its two halves). */
export function coversAddressSpace(cidrs: readonly Cidr[], family: IpFamily): boolean {
  // Without a block at the first address nothing covers the space; with a /0, that block alone does.
  let startsAtZero = false;
  for (const cidr of cidrs) {
    if (cidr.family !== family || cidr.first !== 0n) continue;
    if (cidr.prefix === 0) return true;
    startsAtZero = true;
  }
  if (!startsAtZero) return false;
  const blocks = cidrs.filter((c) => c.family === family).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const end = (1n << BigInt(BITS[family])) - 1n;
  let next = 0n;
  for (const block of blocks) {
    if (block.first > next) return false;
    if (block.last >= next) next = block.last + 1n;
    if (next > end) return true;
  }
  return false;
}

/**
 * An IP protocol as EC2 names it in a rule, normalised: `all` for `-1`, names for the protocols
 * EC2 gives port semantics to (`tcp` 6, `udp` 17, `icmp` 1, `icmpv6` 58), the number otherwise.
 */
export function normaliseProtocol(protocol: string): string {
  const p = protocol.trim().toLowerCase();
  switch (p) {
    case '-1':
    case 'all':
      return 'all';
    case '6':
      return 'tcp';
    case '17':
      return 'udp';
    case '1':
      return 'icmp';
    case '58':
      return 'icmpv6';
    default:
      return p;
  }
}

export interface PortRule {
  readonly protocol: string;
  /** null: all ports. */
  readonly fromPort: number | null;
  readonly toPort: number | null;
}

export type PortProtocol = 'tcp' | 'udp';

/**
 * Whether a rule lets traffic of the protocol reach the port. `-1` reaches every port of every
 * protocol; a tcp or udp rule reaches the ports of its range (no range: all ports) and only of its
 * own protocol, so udp 22 does not reach ssh.
 */
export function ruleReachesPort(rule: PortRule, protocol: PortProtocol, port: number): boolean {
  const p = normaliseProtocol(rule.protocol);
  if (p === 'all') return true;
  if (p !== protocol) return false;
  if (rule.fromPort === null || rule.toPort === null) return true;
  return rule.fromPort <= port && port <= rule.toPort;
}

/** `22`, `0-65535`, `all` — how a rule's ports read in a report. */
export function portRangeLabel(rule: PortRule): string {
  if (normaliseProtocol(rule.protocol) === 'all' || rule.fromPort === null || rule.toPort === null) return 'all';
  return rule.fromPort === rule.toPort ? String(rule.fromPort) : `${rule.fromPort}-${rule.toPort}`;
}

/** An ingress rule with its sources, in the shape of a security group rule. */
export interface IngressRule extends PortRule {
  readonly ipv4Ranges: readonly string[];
  readonly ipv6Ranges: readonly string[];
  readonly prefixListIds: readonly string[];
}

export interface PortExposure {
  readonly port: number;
  /** The address families whose whole space reaches the port. */
  readonly families: readonly IpFamily[];
  /** The rules that let it through, as they read. */
  readonly rules: readonly { protocol: string; ports: string; sources: readonly string[] }[];
}

export interface InternetReach {
  /** Ports the whole IPv4 or IPv6 internet reaches. */
  readonly exposed: readonly PortExposure[];
  /** Prefix lists on rules that reach the ports: their entries are another resource, not judged here. */
  readonly prefixListIds: readonly string[];
  /** Malformed CIDRs on rules that reach the ports. */
  readonly malformed: readonly string[];
}

/** An ingress rule read once for every port, protocol and insight that asks of it: protocol normalised, sources parsed. */
interface ReadRule {
  readonly rule: IngressRule;
  readonly protocol: string;
  readonly blocks: readonly Cidr[];
  readonly malformed: readonly string[];
}

/** A set of ingress rules read (see {@link readIngress}). */
export interface IngressReading {
  readonly rules: readonly ReadRule[];
  /** Whether every rule together could reach the whole IPv4 or IPv6 space; if not, no port is exposed. */
  readonly mayExpose: boolean;
  /** Whether any rule names a prefix list or a malformed CIDR: otherwise nothing is left unjudged. */
  readonly notes: boolean;
}

/** Reads the rules once: a security group's rules are judged for several ports, protocols and insights. */
export function readIngress(rules: readonly IngressRule[]): IngressReading {
  const read: ReadRule[] = [];
  const all: Cidr[] = [];
  let notes = false;
  for (const rule of rules) {
    const blocks: Cidr[] = [];
    const malformed: string[] = [];
    for (const text of rule.ipv4Ranges) addSource(text, blocks, malformed);
    for (const text of rule.ipv6Ranges) addSource(text, blocks, malformed);
    if (malformed.length > 0 || rule.prefixListIds.length > 0) notes = true;
    for (const block of blocks) all.push(block);
    read.push({ rule, protocol: normaliseProtocol(rule.protocol), blocks, malformed });
  }
  return { rules: read, mayExpose: coversAddressSpace(all, 4) || coversAddressSpace(all, 6), notes };
}

function addSource(text: string, blocks: Cidr[], malformed: string[]): void {
  const cidr = cidrOf(text);
  if (cidr === undefined) malformed.push(text);
  else blocks.push(cidr);
}

const NO_REACH: InternetReach = Object.freeze({ exposed: [], prefixListIds: [], malformed: [] });

/**
 * Which of the ports the whole internet reaches through the rules. Sources are merged across rules
 * per port, so a range split over several rules or CIDRs still counts.
 */
export function internetReach(rules: readonly IngressRule[], protocol: PortProtocol, ports: readonly number[]): InternetReach {
  return internetReachOf(readIngress(rules), protocol, ports);
}

/** {@link internetReach} of rules read once with {@link readIngress}. */
export function internetReachOf(ingress: IngressReading, protocol: PortProtocol, ports: readonly number[]): InternetReach {
  if (!ingress.mayExpose && !ingress.notes) return NO_REACH;
  const exposed: PortExposure[] = [];
  const prefixLists = new Set<string>();
  const malformed = new Set<string>();
  for (const port of ports) {
    const reaching = ingress.rules.filter((read) => reaches(read, protocol, port));
    const blocks: Cidr[] = [];
    for (const read of reaching) {
      blocks.push(...read.blocks);
      for (const text of read.malformed) malformed.add(text);
      for (const id of read.rule.prefixListIds) prefixLists.add(id);
    }
    const families = ingress.mayExpose ? ([4, 6] as const).filter((family) => coversAddressSpace(blocks, family)) : [];
    if (families.length === 0) continue;
    exposed.push({
      port,
      families,
      rules: reaching
        .filter(({ rule }) => rule.ipv4Ranges.length + rule.ipv6Ranges.length > 0)
        .map(({ rule }) => ({ protocol: rule.protocol, ports: portRangeLabel(rule), sources: [...rule.ipv4Ranges, ...rule.ipv6Ranges] })),
    });
  }
  return { exposed, prefixListIds: [...prefixLists].sort(), malformed: [...malformed].sort() };
}

/** {@link ruleReachesPort} with the protocol normalised already. */
function reaches({ rule, protocol: p }: ReadRule, protocol: PortProtocol, port: number): boolean {
  if (p === 'all') return true;
  if (p !== protocol) return false;
  if (rule.fromPort === null || rule.toPort === null) return true;
  return rule.fromPort <= port && port <= rule.toPort;
}
