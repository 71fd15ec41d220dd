package io.mocplatform.dlq;

import io.mocplatform.testkit.architecture.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

/** The layer and naming rules every function module shares (docs/architecture.md, "Names"). */
class ArchitectureTest {

    @Test
    void shouldFollowThePortsAndAdaptersLayoutAndTheNamingTable() {
        HexagonalArchitecture.of("io.mocplatform.dlq").check();
    }
}
