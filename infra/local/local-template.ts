/**
 * The CloudFormation template `serverless package` produced, made deployable into moto for the local loop: what
 * moto can stand up is kept as it is (tables, queues, the source-artifacts bucket and its policy, log groups, IAM
 * roles with their policies); what runs code is left out, because the local pipeline runs it instead:
 *   - AWS::Lambda::Function, LayerVersion, Permission: moto would need Docker to invoke a function; the pipeline
 *     imports the same bundles in process.
 *   - AWS::Lambda::EventSourceMapping, AWS::Events::Rule: they target those functions; the pipeline reads their
 *     settings (queue, batch size, maximum concurrency, schedule) from the template and polls and ticks likewise.
 *   - AWS::ApiGatewayV2::*: the pipeline's HTTP server routes by the same paths.
 * Two gaps of moto's CloudFormation, bridged here:
 *   - AWS::S3::BucketPolicy is not supported. The source bucket's policy only denies requests without TLS, and
 *     moto serves plain HTTP and does not evaluate bucket policies, so it is left out rather than made by hand
 *     (the package test checks it in the template).
 *   - An IAM role's policy under `Fn::If` whose other branch is AWS::NoValue crashes moto; such entries are
 *     resolved here, with the parameters' defaults.
 * Names carry the packaged stage; they are rewritten to the pipeline's own, so pipelines can share one moto.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export interface Template {
  Parameters?: Record<string, { Type: string; Default?: string }>;
  Conditions?: Record<string, Json>;
  Resources: Record<string, { Type: string; Properties?: Record<string, any>; DependsOn?: string | string[] }>;
  Outputs?: Record<string, { Value: Json; Description?: string }>;
}

/** What runs code, or invokes it: the local pipeline stands in for these. */
const runByPipeline = /^AWS::(Lambda::(Function|LayerVersion|Permission|Version|EventSourceMapping)|Events::Rule|ApiGatewayV2::.+)$/;
const unsupportedByMoto = new Set(['AWS::S3::BucketPolicy']);

/** The event wiring the template declares, as the local pipeline applies it. */
export interface EventWiring {
  /** Per function (serverless.yml name): its queue (logical id), batch size and maximum concurrency. */
  queues: { functionName: string; queue: string; batchSize: number; maximumConcurrency?: number }[];
  /** Per function: its EventBridge schedule expression. */
  schedules: { functionName: string; expression: string }[];
}

/** `WorkerLambdaFunction` → `worker`, `DelayDashforwarderLambdaFunction` → `delay-forwarder` (serverless's naming). */
function functionNameOf(logicalId: string): string {
  return logicalId.replace(/LambdaFunction$/, '').replace(/Dash/g, '-').replace(/^./, (c) => c.toLowerCase());
}

export function eventWiring(template: Template): EventWiring {
  const queues: EventWiring['queues'] = [];
  const schedules: EventWiring['schedules'] = [];
  for (const resource of Object.values(template.Resources)) {
    const p = resource.Properties ?? {};
    if (resource.Type === 'AWS::Lambda::EventSourceMapping' && p.EventSourceArn?.['Fn::GetAtt']) {
      queues.push({
        functionName: functionNameOf(p.FunctionName['Fn::GetAtt'][0]), queue: p.EventSourceArn['Fn::GetAtt'][0],
        batchSize: p.BatchSize ?? 10, ...(p.ScalingConfig?.MaximumConcurrency ? { maximumConcurrency: p.ScalingConfig.MaximumConcurrency } : {}),
      });
    }
    if (resource.Type === 'AWS::Events::Rule' && p.ScheduleExpression) {
      for (const target of p.Targets ?? []) schedules.push({ functionName: functionNameOf(target.Arn['Fn::GetAtt'][0]), expression: p.ScheduleExpression });
    }
  }
  return { queues, schedules };
}

/** Whether a template value refers to any of `ids` (Ref, GetAtt, or ${Id} in a Sub). */
function refersTo(value: Json | undefined, ids: Set<string>): boolean {
  if (Array.isArray(value)) return value.some((v) => refersTo(v, ids));
  if (value === null || typeof value !== 'object') return false;
  if (typeof value.Ref === 'string' && ids.has(value.Ref)) return true;
  const att = value['Fn::GetAtt'];
  if (Array.isArray(att) && typeof att[0] === 'string' && ids.has(att[0])) return true;
  const sub = value['Fn::Sub'];
  const text = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
  if (text && [...text.matchAll(/\$\{([\w]+)[.}]/g)].some((m) => ids.has(m[1]!))) return true;
  return Object.values(value).some((v) => refersTo(v, ids));
}

/** The template moto deploys for one local stage: see the file's comment. */
export function localTemplate(template: Template, packagedStage: string, stage: string): Template {
  const renamed = JSON.parse(JSON.stringify(template).replaceAll(`sluice-${packagedStage}-`, `sluice-${stage}-`).replaceAll(`sluice/${packagedStage}/`, `sluice/${stage}/`)) as Template;
  const dropped = Object.entries(renamed.Resources).filter(([, r]) => runByPipeline.test(r.Type) || unsupportedByMoto.has(r.Type)).map(([id]) => id);
  // The deployment bucket holds Lambda code in AWS; nothing locally.
  const local = withoutResources(renamed, [...dropped, 'ServerlessDeploymentBucket', 'ServerlessDeploymentBucketPolicy']);
  for (const resource of Object.values(local.Resources)) {
    if (resource.Type === 'AWS::IAM::Role' && resource.Properties?.Policies) resource.Properties.Policies = resolveConditionalEntries(resource.Properties.Policies, renamed);
  }
  return local;
}

/** Only the resources `ids` of a (local) template, and the outputs about them: a test's own table or queue. */
export function templateSubset(template: Template, ids: readonly string[]): Template {
  return withoutResources(template, Object.keys(template.Resources).filter((id) => !ids.includes(id)));
}

/** The template without `ids` and the outputs that refer to them; refuses if a kept resource needs one of them. */
function withoutResources(template: Template, ids: readonly string[]): Template {
  const dropped = new Set(ids);
  const resources = Object.fromEntries(Object.entries(template.Resources).filter(([id]) => !dropped.has(id)));
  for (const [id, resource] of Object.entries(resources)) {
    if (refersTo(resource as unknown as Json, dropped)) throw new Error(`local template: ${id} (${resource.Type}) refers to a resource left out of the local template; leave it out too`);
  }
  const outputs = Object.fromEntries(Object.entries(template.Outputs ?? {}).filter(([, output]) => !refersTo(output.Value, dropped)));
  return { ...(template.Parameters ? { Parameters: template.Parameters } : {}), ...(template.Conditions ? { Conditions: template.Conditions } : {}), Resources: resources, Outputs: outputs };
}

/** `[a, {Fn::If: [c, b, {Ref: AWS::NoValue}]}]` → `[a, b]` or `[a]`, as CloudFormation would resolve it. */
function resolveConditionalEntries(entries: Json[], template: Template): Json[] {
  return entries.flatMap((entry) => {
    const branch = entry && typeof entry === 'object' && !Array.isArray(entry) ? entry['Fn::If'] : undefined;
    if (!Array.isArray(branch)) return [entry];
    const chosen = holds(String(branch[0]), template) ? branch[1] : branch[2];
    return chosen && typeof chosen === 'object' && !Array.isArray(chosen) && chosen.Ref === 'AWS::NoValue' ? [] : [chosen ?? null];
  });
}

/** A condition of the template, with parameters at their defaults; only the functions Sluice's templates use. */
function holds(condition: string, template: Template): boolean {
  const evaluate = (value: Json): Json => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(evaluate);
    if ('Fn::Not' in value) return !evaluate((value['Fn::Not'] as Json[])[0]!);
    if ('Fn::Equals' in value) { const [a, b] = (value['Fn::Equals'] as Json[]).map(evaluate); return JSON.stringify(a) === JSON.stringify(b); }
    if ('Fn::Join' in value) { const [sep, list] = value['Fn::Join'] as [string, Json]; return (evaluate(list) as Json[]).join(sep); }
    if ('Condition' in value) return holds(String(value.Condition), template);
    if (typeof value.Ref === 'string') {
      const parameter = template.Parameters?.[value.Ref];
      if (!parameter) throw new Error(`local template: condition ${condition} refers to ${value.Ref}, which is not a parameter`);
      const given = parameter.Default ?? '';
      return parameter.Type === 'CommaDelimitedList' ? (given === '' ? [] : given.split(',')) : given;
    }
    throw new Error(`local template: condition ${condition} uses ${Object.keys(value)[0]}, which the local loop does not evaluate`);
  };
  const body = template.Conditions?.[condition];
  if (body === undefined) throw new Error(`local template: no condition ${condition}`);
  return Boolean(evaluate(body));
}
