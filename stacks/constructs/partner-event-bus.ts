/**
 * Where the Okta System Log arrives: the partner event bus, named after (and bound to) the partner event
 * source `aws.partner/okta.com/<org>/<name>` that Okta creates in the tenant's account, and an archive
 * of every Okta event on it, for replay.
 *
 * The event source must exist (configured in Okta, pending in EventBridge) before this bus can be
 * created; creating the bus is what associates the source.
 *
 * Both are encrypted with the tenant key: AWS provider 6.x has `kms_key_identifier` on
 * aws_cloudwatch_event_bus and on aws_cloudwatch_event_archive (checked in the 6.25.0 bindings). The bus
 * also gets a dead-letter queue for events EventBridge cannot encrypt or decrypt (AWS recommends one
 * with a customer managed key).
 */
import { CloudwatchEventArchive } from '@cdktf/provider-aws/lib/cloudwatch-event-archive';
import { CloudwatchEventBus } from '@cdktf/provider-aws/lib/cloudwatch-event-bus';
import { Construct } from 'constructs';
import { ingestPattern } from '../../src/events/patterns';
import { OKTA_SOURCE_PREFIX } from '../../src/okta/log-event';
import { MAX_ARCHIVE_NAME } from '../naming';
import { check } from './checks';

const ARCHIVE_NAME = new RegExp(`^[.\\-_A-Za-z0-9]{1,${MAX_ARCHIVE_NAME}}$`);

export interface PartnerEventBusProps {
  /** The partner event source name (`aws.partner/okta.com/...`), which is also the bus name. */
  readonly eventSourceName: string;
  /** Archive name: 1-48 letters, digits, `.`, `-`, `_`. */
  readonly archiveName: string;
  /** Days the archive keeps events (a whole number); 0 keeps them forever. */
  readonly archiveRetentionDays: number;
  readonly kmsKeyArn: string;
  /** Queue for events EventBridge cannot encrypt or decrypt with the key (recommended with a customer managed key). */
  readonly deadLetterQueueArn: string;
}

export class PartnerEventBus extends Construct {
  readonly bus: CloudwatchEventBus;
  readonly archive: CloudwatchEventArchive;

  constructor(scope: Construct, id: string, props: PartnerEventBusProps) {
    super(scope, id);
    check(this, props.eventSourceName.startsWith(OKTA_SOURCE_PREFIX), `eventSourceName must be Okta's partner event source (${OKTA_SOURCE_PREFIX}...), got "${props.eventSourceName}"`);
    check(this, ARCHIVE_NAME.test(props.archiveName), `archiveName must be 1-${MAX_ARCHIVE_NAME} letters, digits, ".", "-" or "_", got "${props.archiveName}"`);
    check(this, Number.isInteger(props.archiveRetentionDays) && props.archiveRetentionDays >= 0, `archiveRetentionDays must be a whole number of days, 0 (forever) or more, got ${props.archiveRetentionDays}`);
    this.bus = new CloudwatchEventBus(this, 'bus', {
      name: props.eventSourceName,
      eventSourceName: props.eventSourceName,
      description: 'Okta System Log (partner event source)',
      kmsKeyIdentifier: props.kmsKeyArn,
      deadLetterConfig: { arn: props.deadLetterQueueArn },
    });
    this.archive = new CloudwatchEventArchive(this, 'archive', {
      name: props.archiveName,
      description: `Every Okta System Log event on ${props.eventSourceName}, for replay`,
      eventSourceArn: this.bus.arn,
      retentionDays: props.archiveRetentionDays,
      // A pattern has no Terraform references: plain JSON is fine here.
      eventPattern: JSON.stringify(ingestPattern()),
      kmsKeyIdentifier: props.kmsKeyArn,
    });
  }
}
