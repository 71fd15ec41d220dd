package io.mocplatform.api;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class QueryParametersTest {

    private static final Set<String> ALLOWED = Set.of("limit", "cursor", "album_id");

    private static ProblemException refusal(String query) {
        return catchThrowableOfType(ProblemException.class, () -> QueryParameters.parse(query, ALLOWED));
    }

    @Test
    void shouldDecodeTheGivenParameters() {
        QueryParameters query = QueryParameters.parse("limit=5&album_id=a%2Db&&cursor=x+y", ALLOWED);

        assertThat(query.get("limit")).contains("5");
        assertThat(query.get("album_id")).contains("a-b");
        assertThat(query.get("cursor")).contains("x y");
        assertThat(QueryParameters.parse(null, ALLOWED).get("limit")).isEmpty();
    }

    @Test
    void shouldRefuseRepeatedParameters_evenWhenTheValuesAgree() {
        assertThat(refusal("limit=1&limit=2").slug()).isEqualTo("repeated_parameter");
        assertThat(refusal("limit=1&limit=1").getMessage()).contains("'limit' appears more than once");
    }

    @Test
    void shouldRefuseEmptyParameters_insteadOfTakingTheDefault() {
        assertThat(refusal("limit=").slug()).isEqualTo("empty_parameter");
        assertThat(refusal("cursor").slug()).isEqualTo("empty_parameter");
        assertThat(refusal("album_id=&limit=2").getMessage()).contains("'album_id' is empty");
    }

    @Test
    void shouldRefuseUnknownParametersAndBadEncoding() {
        assertThat(refusal("limit=2&owner=bob").slug()).isEqualTo("unknown_parameter");
        assertThat(refusal("limit=%zz").slug()).isEqualTo("malformed_query");
    }
}
