# Shared by measure.sh, profile.sh and cds.sh (sourced, not run): unpacks a function's zip, compiles the ColdStart runner
# against it and sets the environment Terraform gives the function. Sets: handler, baseline, event_type,
# event_file, java_home, work, classpath, baseline_classpath. Needs $root, $module and optionally $ZIP, $JAVA_HOME, $EXTRA_CLASSPATH.
case "$module" in
  job-api)           handler=io.mocplatform.jobapi.api.JobApiHandler;            event=status-bad-id.json ;;
  image-api)         handler=io.mocplatform.imageapi.api.ImageApiHandler;        event=image-bad-id.json ;;
  drawing-processor) handler=io.mocplatform.processor.api.DrawingJobHandler;     event=sqs-invalid-message.json ;;
  dlq-handler)       handler=io.mocplatform.dlq.api.DeadLetterHandler;           event=sqs-invalid-message.json ;;
  *) echo "unknown module $module (job-api, image-api, drawing-processor or dlq-handler)" >&2; exit 2 ;;
esac
case "$event" in
  sqs-*) baseline='ColdStart$PlainSqsHandler'; event_type=com.amazonaws.services.lambda.runtime.events.SQSEvent ;;
  *)     baseline='ColdStart$PlainHandler'; event_type=com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent ;;
esac
event_file="$root/tools/coldstart/$event"
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if ! "$java_home/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  echo "a JDK 21+ is needed: set JAVA_HOME" >&2; exit 2
fi
zip=${ZIP:-$root/$module/target/$module-lambda.zip}
[ -f "$zip" ] || { echo "$zip is missing: build it first (./mvnw -B -DskipTests package -pl $module -am)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$zip" -d "$work/function"
# The Lambda runtime brings its own event serializer; a zip that does not ship one gets it from the local
# Maven repository, as the runtime's part of the class path.
runtime_jars=""
if ! ls "$work/function/lib" | grep -q '^aws-lambda-java-serialization-'; then
  runtime_jars=$(ls -1 "${MAVEN_REPOSITORY:-$HOME/.m2/repository}"/com/amazonaws/aws-lambda-java-serialization/*/aws-lambda-java-serialization-*.jar 2>/dev/null | grep -E -- "-[0-9.]+\.jar$" | sort -V | tail -1)
  [ -n "$runtime_jars" ] || { echo "aws-lambda-java-serialization is in neither the zip nor the Maven repository" >&2; exit 2; }
fi
function_classpath="$work/function/lib/*${runtime_jars:+:$runtime_jars}"
"$java_home/bin/javac" --release 21 -d "$work/classes" -cp "$function_classpath" "$root/tools/coldstart/ColdStart.java"
# A jar, not a directory: class-data sharing (cds.sh) refuses class paths with non-empty directories.
"$java_home/bin/jar" cf "$work/coldstart.jar" -C "$work/classes" .
classpath="$function_classpath:$work/coldstart.jar${EXTRA_CLASSPATH:+:$EXTRA_CLASSPATH}"
# The plain baseline reads its event with the runtime's serializer, which loads Joda-Time from the function's class
# path (a plain handler's zip ships it with aws-lambda-java-events). The functions leave Joda-Time out (Micronaut's
# serde serializer reads their events), so only the baseline gets it, appended (an AppCDS archive of the function
# still matches: its class path is a prefix).
baseline_classpath=$classpath
if ! ls "$work/function/lib" | grep -q '^joda-time-'; then
  joda=$(ls -1 "${MAVEN_REPOSITORY:-$HOME/.m2/repository}"/joda-time/joda-time/*/joda-time-*.jar 2>/dev/null | grep -E -- "-[0-9.]+\.jar$" | sort -V | tail -1)
  [ -n "$joda" ] || { echo "joda-time (for the baseline) is in neither the zip nor the Maven repository" >&2; exit 2; }
  baseline_classpath="$classpath:$joda"
fi

# What Terraform sets on the functions (contract/platform-contract.json), with harmless local values.
export AWS_REGION=eu-west-2 AWS_ACCESS_KEY_ID=cold AWS_SECRET_ACCESS_KEY=start AWS_XRAY_CONTEXT_MISSING=IGNORE_ERROR
export APP_ENV=dev JOBS_TABLE=Jobs-dev DRAWINGS_BUCKET=drawings-lego-moc-dev IMAGES_TABLE=ImageMetadata-dev \
  IMAGES_BUCKET=images-lego-moc-dev CDN_BASE_URL=https://cdn.invalid \
  JOBS_QUEUE_URL=http://127.0.0.1:9/000000000000/drawing-jobs-dev \
  JOBS_QUEUE_ARN=arn:aws:sqs:eu-west-2:000000000000:drawing-jobs-dev \
  JOBS_DLQ_ARN=arn:aws:sqs:eu-west-2:000000000000:drawing-jobs-dlq-dev \
  ALERTS_TOPIC_ARN=arn:aws:sns:eu-west-2:000000000000:alerts-dev \
  CURSOR_KEY_PARAMETER=/moc-platform/dev/cursor-signing-key CURSOR_KEY_VERSION=1 \
  DLQ_RUNBOOK_URL="file://$root/docs/runbook.md"
# Any AWS call the event leads to (the SQS functions make one for every record) goes to a proxy port where nothing
# listens, so it fails at once on this machine instead of reaching AWS; SDK retries then add sleeps, which is why
# the SQS functions are compared on CPU time.
offline_proxy="-Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=9 -Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=9"
