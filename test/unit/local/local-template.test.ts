import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventWiring, localTemplate, templateSubset, type Template } from '../../../infra/local/local-template.js';

/** A small template of serverless package's shape. */
function packaged(eksRoles = ''): Template {
  return {
    Parameters: { EksRoleArns: { Type: 'CommaDelimitedList', Default: eksRoles } },
    Conditions: { HasEksRoles: { 'Fn::Not': [{ 'Fn::Equals': [{ 'Fn::Join': ['', { Ref: 'EksRoleArns' }] }, ''] }] } },
    Resources: {
      ServerlessDeploymentBucket: { Type: 'AWS::S3::Bucket' },
      JobsQueue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'sluice-local-jobs.fifo', FifoQueue: true } },
      SourceArtifactsBucket: { Type: 'AWS::S3::Bucket' },
      SourceArtifactsBucketPolicy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'SourceArtifactsBucket' } } },
      WorkerRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          Policies: [
            { PolicyName: 'secrets', PolicyDocument: { Statement: [{ Resource: 'arn:aws:secretsmanager:::secret:sluice/local/clusters/*' }] } },
            { 'Fn::If': ['HasEksRoles', { PolicyName: 'eks-assume-roles' }, { Ref: 'AWS::NoValue' }] },
          ],
        },
      },
      WorkerLambdaFunction: { Type: 'AWS::Lambda::Function', Properties: { Role: { 'Fn::GetAtt': ['WorkerRole', 'Arn'] } } },
      WorkerEventSourceMappingSQSJobsQueue: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: { BatchSize: 10, EventSourceArn: { 'Fn::GetAtt': ['JobsQueue', 'Arn'] }, FunctionName: { 'Fn::GetAtt': ['WorkerLambdaFunction', 'Arn'] }, ScalingConfig: { MaximumConcurrency: 7 } },
      },
      DriftDashscanLambdaFunction: { Type: 'AWS::Lambda::Function' },
      DriftDashscanEventsRuleSchedule1: { Type: 'AWS::Events::Rule', Properties: { ScheduleExpression: 'rate(5 minutes)', Targets: [{ Arn: { 'Fn::GetAtt': ['DriftDashscanLambdaFunction', 'Arn'] } }] } },
      HttpApi: { Type: 'AWS::ApiGatewayV2::Api' },
    },
    Outputs: {
      JobsQueueUrl: { Value: { Ref: 'JobsQueue' } },
      HttpApiUrl: { Value: { 'Fn::Sub': 'https://${HttpApi}.execute-api' } },
    },
  };
}

describe('the local template', () => {
  it('keeps what moto stands up, under the pipeline stage, and leaves out what the pipeline runs itself', () => {
    const local = localTemplate(packaged(), 'local', 'local7f3a');
    assert.deepEqual(Object.keys(local.Resources).sort(), ['JobsQueue', 'SourceArtifactsBucket', 'WorkerRole']);
    assert.equal(local.Resources.JobsQueue?.Properties?.QueueName, 'sluice-local7f3a-jobs.fifo');
    assert.match(JSON.stringify(local.Resources.WorkerRole), /sluice\/local7f3a\/clusters/);
    assert.deepEqual(Object.keys(local.Outputs ?? {}), ['JobsQueueUrl'], 'no output about the HTTP API');
  });

  it('resolves a conditional role policy moto cannot, by the parameters\' defaults', () => {
    const policies = (template: Template) => (localTemplate(template, 'local', 'x').Resources.WorkerRole?.Properties?.Policies as { PolicyName: string }[]).map((p) => p.PolicyName);
    assert.deepEqual(policies(packaged()), ['secrets']);
    assert.deepEqual(policies(packaged('arn:aws:iam::123456789012:role/deployer')), ['secrets', 'eks-assume-roles']);
  });

  it('reads the event wiring the pipeline applies: queue, batch size, concurrency and schedule per function', () => {
    assert.deepEqual(eventWiring(packaged()), {
      queues: [{ functionName: 'worker', queue: 'JobsQueue', batchSize: 10, maximumConcurrency: 7 }],
      schedules: [{ functionName: 'drift-scan', expression: 'rate(5 minutes)' }],
    });
  });

  it('gives a test just the resources it asks for, and refuses a subset that breaks a reference', () => {
    const local = localTemplate(packaged(), 'local', 'x');
    assert.deepEqual(Object.keys(templateSubset(local, ['JobsQueue']).Resources), ['JobsQueue']);
    const withDlq: Template = { Resources: { Dlq: { Type: 'AWS::SQS::Queue' }, Jobs: { Type: 'AWS::SQS::Queue', Properties: { RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] } } } } } };
    assert.throws(() => templateSubset(withDlq, ['Jobs']), /Jobs \(AWS::SQS::Queue\) refers to a resource left out of the local template/);
  });
});
