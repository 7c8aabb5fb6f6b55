/**
 * Reading a synthesized stack (Terraform JSON, as Testing.synth gives it) for the policy checks: its
 * resources, references between them, and its IAM policy documents as IAM JSON.
 */
import type { TfJson } from '../support';

export interface Resource {
  readonly type: string;
  readonly name: string;
  /** `type.name`, as references and `depends_on` name it. */
  readonly address: string;
  readonly config: Record<string, any>;
}

export function resources(json: TfJson): Resource[] {
  return Object.entries(json.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName as Record<string, Record<string, any>>).map(([name, config]) => ({ type, name, address: `${type}.${name}`, config })),
  );
}

export function resourcesOfType(json: TfJson, type: string): Resource[] {
  return resources(json).filter((r) => r.type === type);
}

/** A nested block: the JSON synth gives a single block as an object, some as a one-element list. */
export function block(value: unknown): Record<string, any> | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v && typeof v === 'object' ? (v as Record<string, any>) : undefined;
}

/** `${aws_x.name.attr}` -> `aws_x.name` (also `data.aws_x.name`); anything else -> undefined. */
export function referencedAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)\.[a-z_]+\}/.exec(value)?.[1];
}

/** The one resource of a type, as a reference to one of its attributes (`${type.name.attr}`). */
export function referenceTo(json: TfJson, type: string, attribute: string): string {
  const all = resourcesOfType(json, type);
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return `\${${all[0].address}.${attribute}}`;
}

export interface IamStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string[];
  NotAction?: string[];
  Resource?: string[];
  Principal?: Record<string, string[]> | '*';
  Condition?: Record<string, Record<string, string[]>>;
}
export interface IamPolicy {
  Version: '2012-10-17';
  Statement: IamStatement[];
}

/** Where a policy document is used: the resource and attribute that name `${data.aws_iam_policy_document.X.json}`. */
export interface PolicyUse {
  readonly document: string;
  readonly usedBy: Resource;
  readonly attribute: string;
  readonly policy: IamPolicy;
}

const POLICY_ATTRIBUTES = ['policy', 'assume_role_policy'];

/** Every policy document in the stack, with the resource that uses it (a role, a key, a queue, a bucket). */
export function policies(json: TfJson): PolicyUse[] {
  const docs = (json.data?.aws_iam_policy_document ?? {}) as Record<string, { statement: any[] }>;
  const uses: PolicyUse[] = [];
  for (const r of resources(json)) {
    for (const attribute of POLICY_ATTRIBUTES) {
      const m = /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/.exec(String(r.config[attribute] ?? ''));
      if (!m) continue;
      const doc = docs[m[1]];
      if (!doc) throw new Error(`${r.address}.${attribute}: no policy document ${m[1]}`);
      uses.push({ document: m[1], usedBy: r, attribute, policy: toIamPolicy(doc.statement) });
    }
  }
  return uses;
}

/** aws_iam_policy_document statements as the IAM JSON policy Terraform renders from them. */
export function toIamPolicy(statements: readonly any[]): IamPolicy {
  return {
    Version: '2012-10-17',
    Statement: statements.map((s) => {
      const out: IamStatement = { Effect: s.effect === 'Deny' ? 'Deny' : 'Allow' };
      if (s.sid) out.Sid = s.sid;
      if (s.actions) out.Action = s.actions;
      if (s.not_actions) out.NotAction = s.not_actions;
      if (s.resources) out.Resource = s.resources;
      if (s.principals) {
        const principals: Record<string, string[]> = {};
        for (const p of s.principals) principals[p.type] = [...(principals[p.type] ?? []), ...p.identifiers];
        out.Principal = principals['*'] ? '*' : principals;
      }
      if (s.condition) {
        const conditions: Record<string, Record<string, string[]>> = {};
        for (const c of s.condition) conditions[c.test] = { ...(conditions[c.test] ?? {}), [c.variable]: c.values };
        out.Condition = conditions;
      }
      return out;
    }),
  };
}
