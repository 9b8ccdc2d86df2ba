/**
 * Whether a network ACL lets the internet reach a TCP or UDP port, evaluated the way AWS evaluates it:
 * inbound entries in ascending rule number, the first entry that matches a packet decides, and a
 * packet no entry matches is denied (the final `*` entry). So a lower-numbered deny for the whole
 * internet shadows a later allow, and a deny of part of the internet leaves the rest reaching the
 * allow. Addresses are followed as sets: each entry decides the addresses of its source that no
 * earlier entry decided.
 *
 * The internet reaches the port when an allow whose source is a whole address family (0.0.0.0/0,
 * ::/0) decides any address, or when the allows together decide every address of a family (the
 * internet split over several entries, as the security group analysis counts it).
 */
import { intersectRanges, rangesOfCidr, rangesSize, subtractRanges, wholeFamily, type Ranges } from './address-set.js';
import { cidrOf, normaliseProtocol, portRangeLabel, type Cidr, type IpFamily, type PortProtocol } from './network.js';

/** An NACL entry in the shape of the model's. */
export interface AclEntry {
  readonly ruleNumber: number;
  readonly egress: boolean;
  readonly protocol: string;
  readonly ruleAction: 'allow' | 'deny';
  readonly cidrBlock: string | null;
  readonly ipv6CidrBlock: string | null;
  readonly fromPort: number | null;
  readonly toPort: number | null;
}

export interface AclAllow {
  readonly ruleNumber: number;
  readonly protocol: string;
  readonly ports: string;
  readonly source: string;
}

export interface AclExposure {
  readonly protocol: PortProtocol;
  readonly port: number;
  /** `0.0.0.0/0` or `::/0`. */
  readonly internet: string;
  /** The allow entries that let some of the internet's traffic through, in evaluation order. */
  readonly allows: readonly AclAllow[];
  /** Rule numbers of earlier denies that take part of that traffic, but not all of it. */
  readonly partialDenies: readonly number[];
}

export interface AclReach {
  readonly exposed: readonly AclExposure[];
  /**
   * Entries whose source or ports cannot be read, which might match the traffic. Evaluation of a
   * port stops at the first: what it decides is unknown, and so is everything after it.
   */
  readonly malformed: readonly { readonly ruleNumber: number; readonly problem: string }[];
  /** Ports (`tcp 22`) whose evaluation a malformed entry stopped before an exposure was established. */
  readonly undecided: readonly string[];
  /** Internet-wide allows that reach a port but decide none of its traffic: earlier denies take it all. */
  readonly shadowed: readonly { readonly protocol: PortProtocol; readonly port: number; readonly ruleNumber: number }[];
}

const INTERNET: Record<IpFamily, string> = { 4: '0.0.0.0/0', 6: '::/0' };

type Match =
  { readonly kind: 'no' } | { readonly kind: 'yes'; readonly cidr: Cidr; readonly source: string } | { readonly kind: 'malformed'; readonly problem: string };

/** Whether the entry matches traffic of the protocol to the port from addresses of the family, and from which. */
function matchEntry(entry: AclEntry, family: IpFamily, protocol: PortProtocol, port: number): Match {
  const entryProtocol = normaliseProtocol(entry.protocol);
  if (entryProtocol !== 'all' && entryProtocol !== protocol) return { kind: 'no' };
  if (entryProtocol === protocol) {
    // EC2 requires a port range on TCP and UDP entries; without one, what the entry matches is unknown.
    if (entry.fromPort === null || entry.toPort === null) return { kind: 'malformed', problem: `a ${protocol.toUpperCase()} entry without a port range` };
    if (port < entry.fromPort || port > entry.toPort) return { kind: 'no' };
  }
  const source = entry.cidrBlock ?? entry.ipv6CidrBlock;
  if (source === null) return { kind: 'malformed', problem: 'an entry without a source CIDR' };
  const cidr = cidrOf(source);
  if (cidr === undefined) return { kind: 'malformed', problem: `the source '${source}' is not a valid CIDR` };
  return cidr.family === family ? { kind: 'yes', cidr, source } : { kind: 'no' };
}

/** The inbound entries in the order AWS evaluates them. */
function inboundInOrder(entries: readonly AclEntry[]): AclEntry[] {
  return entries.filter((entry) => !entry.egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
}

/** Which of the ports the internet reaches over the protocols through the NACL's inbound entries. */
export function aclInternetReach(entries: readonly AclEntry[], ports: readonly number[], protocols: readonly PortProtocol[] = ['tcp']): AclReach {
  const inbound = inboundInOrder(entries);
  const exposed: AclExposure[] = [];
  const malformed = new Map<number, string>();
  const undecided = new Set<string>();
  const shadowed: { protocol: PortProtocol; port: number; ruleNumber: number }[] = [];
  for (const protocol of protocols)
    for (const port of ports) {
      for (const family of [4, 6] as const) {
        const whole = wholeFamily(family);
        let undecidedAddresses: Ranges = whole;
        let allowedCount = 0n;
        const allows: AclAllow[] = [];
        const internetAllows: AclAllow[] = [];
        const denies: number[] = [];
        let stopped = false;
        for (const entry of inbound) {
          const match = matchEntry(entry, family, protocol, port);
          if (match.kind === 'no') continue;
          if (match.kind === 'malformed') {
            // Once earlier entries have decided every address, nothing after them matters.
            if (undecidedAddresses.length === 0) continue;
            malformed.set(entry.ruleNumber, match.problem);
            stopped = true;
            break;
          }
          const decided = rangesSize(intersectRanges(undecidedAddresses, rangesOfCidr(match.cidr)));
          undecidedAddresses = subtractRanges(undecidedAddresses, rangesOfCidr(match.cidr));
          if (entry.ruleAction === 'deny') {
            if (decided > 0n) denies.push(entry.ruleNumber);
          } else if (decided > 0n) {
            allowedCount += decided;
            const allow = { ruleNumber: entry.ruleNumber, protocol: entry.protocol, ports: portRangeLabel(entry), source: match.source };
            allows.push(allow);
            if (match.cidr.prefix === 0) internetAllows.push(allow);
          } else if (match.cidr.prefix === 0) {
            shadowed.push({ protocol, port, ruleNumber: entry.ruleNumber });
          }
        }
        // What was decided before a malformed entry stands whatever it matches.
        if (internetAllows.length > 0 || allowedCount === rangesSize(whole)) {
          // An internet-wide allow is the exposure on its own; narrower allows beside it are not named.
          const through = internetAllows.length > 0 ? internetAllows : allows;
          exposed.push({ protocol, port, internet: INTERNET[family], allows: through, partialDenies: denies });
        } else if (stopped) {
          undecided.add(`${protocol} ${port}`);
        }
      }
    }
  return {
    exposed,
    malformed: [...malformed.entries()].sort(([a], [b]) => a - b).map(([ruleNumber, problem]) => ({ ruleNumber, problem })),
    undecided: [...undecided],
    shadowed,
  };
}
