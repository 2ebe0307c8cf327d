package dev.sluice.server.auth;

import dev.sluice.server.Main;
import dev.sluice.server.ServerOptions;
import dev.sluice.server.SluiceServer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --bind 0.0.0.0} without {@code --credentials} must not start an open endpoint. */
class StartupWithoutCredentialsTest {

    /** Main.parse is package-private in dev.sluice.server. */
    static ServerOptions parse(String... args) throws ReflectiveOperationException {
        Method parse = Main.class.getDeclaredMethod("parse", String[].class);
        parse.setAccessible(true);
        try {
            return (ServerOptions) parse.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Test
    void allInterfacesWithoutCredentialsRefusesToStartWithAClearMessage() throws Exception {
        ServerOptions options = parse("--bind", "0.0.0.0", "--port", "0", "--storage", "memory");
        assertThat(options.credentials()).isEmpty();
        assertThatThrownBy(() -> SluiceServer.start(options).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Binding to 0.0.0.0 exposes the endpoint beyond this machine: configure credentials "
                        + "(--credentials ACCESS_KEY:SECRET_KEY) so requests are authenticated.");
    }

    @Test
    void allInterfacesWithCredentialsStartsSigned() throws Exception {
        ServerOptions options = parse("--bind", "0.0.0.0", "--port", "0", "--storage", "memory",
                "--credentials", "AKIDEXAMPLE:se:cret");
        assertThat(options.credentials()).containsEntry("AKIDEXAMPLE", "se:cret");
        try (SluiceServer server = SluiceServer.start(options)) {
            assertThat(server.port()).isPositive();
        }
    }
}
