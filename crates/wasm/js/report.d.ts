// Generated from the engine's shape!/variants! declarations by crates/wasm/tests/generated.rs.
export type Subject = "public" | "professional";
export type Status = "credited" | "capped" | "deemed" | "upTo" | "undetermined" | "notCovered" | "otherYear";
export type Compliance = "met" | "possible" | "short" | "exempt";
export type WarningCode = "possibleDuplicate" | "capReached";
export interface Report {
  year: number;
  results: RuleSetResult[];
}
export interface YearsReport {
  from: number;
  to: number;
  years: Report[];
}
export interface Plan {
  shortfall: Hours3;
  options: PlanOption[];
}
export interface PlanOption {
  kind: string;
  activity: Partial<Activity>;
  hours: Range;
  clause: Clause;
  explain: string;
}
export interface RuleSetResult {
  ruleSet: string;
  title: string;
  applies: Applies;
  lines: Line[];
  totals: Totals;
  requirement: Hours3;
  deemed: Deemed;
  compliance: Compliance;
  shortfall: Hours3;
  notes: string[];
  /** What a reviewer should look at (contract v2); always empty in a build without the `review` feature (the calculator's), which then carries no code for them. */
  warnings: Warning[];
}
export interface Applies {
  inForce: boolean;
  note: string;
}
export interface Line {
  activity: string;
  subject: Subject;
  hours: Range;
  status: Status;
  clause: Clause | null;
  explain: string;
  /** The proof the clause names, in its own words (contract v2). */
  evidence: string[];
  /** Only where one activity credits both subjects, whose sum `hours` is (left out otherwise; such fields come last). */
  parts?: Part[];
}
export interface Warning {
  code: WarningCode;
  activities: string[];
  message: string;
  clause: Clause;
}
export interface Part {
  subject: Subject;
  hours: Range;
}
export interface Range {
  min: number;
  max: number | null;
}
export interface Totals {
  public: Range;
  professional: Range;
  total: Range;
}
export interface Hours3 {
  total: number;
  public: number;
  professional: number;
}
export interface Deemed {
  public: boolean;
  professional: boolean;
}
export interface Clause {
  ref: string;
  quote: string;
}
export interface RuleSetInfo {
  id: string;
  title: string;
  /** An English rendering; `title` stays the official title (contract v2). */
  titleEn: string | null;
  issuer: string;
  docNumber: string | null;
  region: string;
  regionEn: string | null;
  governs: Governs;
  requirement: RequirementInfo;
  /** Built into the engine (false: loaded with `loadRuleSet`). */
  builtIn: boolean;
  /** Where its crediting rules come from, if another rule set's. */
  rulesFrom: string | null;
}
export interface Governs {
  from: string;
  to: string;
}
export interface RequirementInfo {
  total: number;
  public: number;
  professional: number;
  professionalShare?: number;
}
export interface KindSpec {
  kind: string;
  needsTime: boolean;
  fields: FieldSpec[];
  extraFields?: FieldSpec[];
}
export interface FieldSpec {
  name: string;
  type: string;
  required?: boolean;
  default?: string | number | boolean;
  values?: string[];
  min?: number;
  max?: number;
  label?: string;
  labelEn?: string;
  /** The rule set that declares it (fields loaded rule sets add). */
  ruleSet?: string;
}
