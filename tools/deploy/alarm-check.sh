#!/usr/bin/env bash
# Proves that a CloudWatch alarm reaches the environment's KMS-encrypted alerts topic: creates a harmless alarm
# (a metric nobody publishes) named under the environment's prefix, whose action is the alerts topic, forces it
# to ALARM, and waits for the alarm history to say whether CloudWatch could publish (a key policy that does not let
# cloudwatch.amazonaws.com use the topic's key shows here as "Failed to execute action"). Subscribers get one
# "ALARM: <prefix>-alarm-check" message. The alarm is deleted afterwards, whatever happened.
#
# Usage: tools/deploy/alarm-check.sh ENV   (dev, staging or prod; credentials with cloudwatch:PutMetricAlarm,
#        SetAlarmState, DescribeAlarmHistory, DeleteAlarms and sns:ListTopics in the environment's account/region)
# Exits 0 when the topic accepted the notification, 1 when CloudWatch reported a failure or nothing in 120 s.
set -euo pipefail
env=${1:?usage: alarm-check.sh dev|staging|prod}
case "$env" in dev|staging|prod) ;; *) echo "alarm-check: unknown environment $env" >&2; exit 2 ;; esac
alarm="moc-platform-$env-alarm-check"   # the topic policy admits alarms named moc-platform-<env>-*
topic=$(aws sns list-topics --query "Topics[?ends_with(TopicArn, ':alerts-$env')].TopicArn | [0]" --output text)
[ -n "$topic" ] && [ "$topic" != None ] || { echo "alarm-check: no alerts-$env topic in this account/region" >&2; exit 1; }
trap 'aws cloudwatch delete-alarms --alarm-names "$alarm" || true' EXIT

aws cloudwatch put-metric-alarm --alarm-name "$alarm" \
  --alarm-description "Post-deploy check that alarms reach $topic; deleted by tools/deploy/alarm-check.sh" \
  --namespace moc-platform/alarm-check --metric-name NeverPublished --statistic Sum --period 60 \
  --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanThreshold \
  --treat-missing-data notBreaching --alarm-actions "$topic"
since=$(date -u +%Y-%m-%dT%H:%M:%SZ)
aws cloudwatch set-alarm-state --alarm-name "$alarm" --state-value ALARM \
  --state-reason "alarm-check: forced by $(whoami) to prove delivery to the alerts topic"

for _ in $(seq 1 24); do
  summary=$(aws cloudwatch describe-alarm-history --alarm-name "$alarm" --history-item-type Action \
    --start-date "$since" --query 'AlarmHistoryItems[0].HistorySummary' --output text)
  case "$summary" in
    "Successfully executed action"*) echo "alarm-check: OK   $env: $summary"; exit 0 ;;
    "Failed to execute action"*)     echo "alarm-check: FAIL $env: $summary" >&2; exit 1 ;;
  esac
  sleep 5
done
echo "alarm-check: FAIL $env: no action recorded for $alarm within 120 s" >&2
exit 1
