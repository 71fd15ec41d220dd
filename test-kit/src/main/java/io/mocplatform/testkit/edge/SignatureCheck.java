package io.mocplatform.testkit.edge;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Authentication, as every AWS endpoint does it before anything else: an unsigned request, a malformed or wrong
 * signature, an expired presigned URL or a clock more than 15 minutes off is refused in the service's own error
 * format; a good signature names the {@link Caller} for the filters after this one.
 */
final class SignatureCheck implements EdgeFilter {

    private final EdgeIdentities identities;
    private final Clock clock;

    SignatureCheck(EdgeIdentities identities, Clock clock) {
        this.identities = identities;
        this.clock = clock;
    }

    @Override
    public EdgeResponse filter(EdgeRequest request, Chain next) throws IOException {
        try {
            Optional<SigV4.Signed> signed = SigV4.parse(request);
            if (signed.isEmpty()) {
                throw new SigV4.Refused(SigV4.Failure.MISSING, "Request is missing Authentication Token");
            }
            SigV4.Signed signature = signed.get();
            if (!signature.service().equals(request.service().signingName())) {
                throw new SigV4.Refused(SigV4.Failure.WRONG_SERVICE, "Credential should be scoped to correct "
                        + "service: '" + request.service().signingName() + "'. ");
            }
            SigV4.checkTime(signature, clock.instant());
            Optional<EdgeIdentities.Identity> identity = identities.find(signature.accessKeyId());
            if (identity.isPresent()) {
                SigV4.verify(request, signature, identity.get().secret());
            }
            return next.proceed(request.signedBy(new Caller(signature.accessKeyId(),
                    identity.map(EdgeIdentities.Identity::role).orElse(null))));
        } catch (SigV4.Refused refused) {
            return AwsErrors.refused(request, refused);
        }
    }
}
