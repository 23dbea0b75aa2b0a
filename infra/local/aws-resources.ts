import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CloudFormationClient, CreateStackCommand, DescribeStackEventsCommand, DescribeStackResourcesCommand, DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { packagedFunctions, packagedStage } from './function-bundles.js';
import { eventWiring, localTemplate, type EventWiring, type Template } from './local-template.js';

export interface LocalAwsResources {
  tableName: string;
  idempotencyTableName: string;
  jobsQueueUrl: string;
  jobsDlqUrl: string;
  delayQueueUrl: string;
  sourceArtifactsBucket: string;
  /** Event source mappings and schedules as the template declares them. */
  wiring: EventWiring;
}

export interface DeployedStack {
  outputs: Record<string, string>;
  /** Logical id → physical id (a table's name, a queue's URL, a bucket's name). */
  physicalIds: Record<string, string>;
}

/** The packaged template, parsed. */
export async function packagedTemplate(): Promise<Template> {
  return JSON.parse(readFileSync((await packagedFunctions()).templateFile, 'utf8')) as Template;
}

/**
 * The tables, queues, source-artifacts bucket, log groups and roles of `serverless package`'s template, deployed
 * into moto's CloudFormation as stack `sluice-<stage>` (infra/local/local-template.ts says what is left to the
 * pipeline and why).
 */
export async function deployLocalAwsResources(stage: string): Promise<LocalAwsResources> {
  const packaged = await packagedTemplate();
  const { outputs, physicalIds } = await deployTemplate(`sluice-${stage}`, localTemplate(packaged, packagedStage, stage));
  const need = (key: string) => outputs[key] ?? physicalIds[key] ?? fail(`the template has no ${key}`);
  const sqs = new SQSClient({});
  const localUrl = (url: string) => localQueueUrl(sqs, url);
  return {
    tableName: need('StatusTableName'), idempotencyTableName: need('IdempotencyTableName'),
    jobsQueueUrl: await localUrl(need('JobsQueueUrl')), jobsDlqUrl: await localUrl(need('JobsDeadLetterQueueUrl')),
    delayQueueUrl: await localUrl(need('JobDelayQueueUrl')), sourceArtifactsBucket: need('SourceArtifactsBucket'),
    wiring: eventWiring(packaged),
  };
}

/** A queue's URL as moto answers to it: a stack reports AWS's form, and the SDK sends to the URL it is given. */
export async function localQueueUrl(sqs: SQSClient, awsUrl: string): Promise<string> {
  return (await sqs.send(new GetQueueUrlCommand({ QueueName: awsUrl.slice(awsUrl.lastIndexOf('/') + 1) }))).QueueUrl!;
}

function fail(message: string): never {
  throw new Error(`local stack: ${message}`);
}

/**
 * Creates a stack in moto's CloudFormation and waits for it. moto ignores a table's TimeToLiveSpecification, so
 * TTL is switched on by hand as the template asks.
 */
export async function deployTemplate(stackName: string, template: Template): Promise<DeployedStack> {
  const cfn = new CloudFormationClient({ maxAttempts: 1 }); // a retried CreateStack finds its own stack and fails
  try {
    await cfn.send(new CreateStackCommand({ StackName: stackName, TemplateBody: JSON.stringify(template), Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'] }));
  } catch (error) {
    // A stage used again on the same moto (npm start restarted against a running stack): its stack stands.
    if ((error as Error).name !== 'AlreadyExistsException') throw error;
  }
  for (;;) {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
    if (stack?.StackStatus === 'CREATE_COMPLETE') break;
    if (!stack?.StackStatus?.endsWith('_IN_PROGRESS')) {
      const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: stackName }))).StackEvents ?? [];
      const failed = events.filter((e) => e.ResourceStatus?.endsWith('FAILED')).map((e) => `${e.LogicalResourceId}: ${e.ResourceStatusReason}`);
      fail(`stack ${stackName} ${stack?.StackStatus ?? 'vanished'}: ${stack?.StackStatusReason ?? ''} ${failed.join('; ')}`);
    }
    await sleep(200);
  }
  const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks![0]!;
  const resources = (await cfn.send(new DescribeStackResourcesCommand({ StackName: stackName }))).StackResources ?? [];
  const physicalIds = Object.fromEntries(resources.map((r) => [r.LogicalResourceId!, r.PhysicalResourceId!]));
  const dynamodb = new DynamoDBClient({});
  for (const [id, resource] of Object.entries(template.Resources)) {
    const ttl = resource.Type === 'AWS::DynamoDB::Table' ? resource.Properties?.TimeToLiveSpecification : undefined;
    if (ttl?.Enabled) await dynamodb.send(new UpdateTimeToLiveCommand({ TableName: physicalIds[id], TimeToLiveSpecification: { AttributeName: ttl.AttributeName, Enabled: true } }));
  }
  return { outputs: Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue!])), physicalIds };
}
