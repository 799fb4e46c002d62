// Why a rule exists, by the id kept in the evidence: its record's `reason` (and, for a relation
// inferred from another one, "<rule id>+<name>", the inference's reason too). Read by `kunafoni explain`.
import { DERIVED, type Derived } from './rule.js';
import { RELATION_RULES } from './rules.js';
import { MENTION_RULES } from './mention-rules.js';

const REASONS = new Map([...RELATION_RULES, ...MENTION_RULES].map((r) => [r.id, r.reason]));

/**
 * The reason of the rule behind an evidence id; undefined for an id no rule of the table has (a store built by an older
 * version).
 */
/** The evidence of a relation no rule read carries `model:<kind>`: the trained scorer found it (src/nlp/scorer.ts). */
const MODEL_REASON =
  'no rule read it: the relation scorer trained on the gold (data/models/relations.json) found it f' +
  'rom the words around the two names; its strongest features are listed';

export function ruleReason(id: string): string | undefined {
  if (id.startsWith('model:')) return MODEL_REASON;
  const [base, derived] = id.split('+') as [string, string | undefined];
  const reason = REASONS.get(base);
  if (!reason || !derived) return reason;
  const how = DERIVED[derived as Derived]?.reason;
  return how ? `${reason}; then ${how}` : reason;
}
