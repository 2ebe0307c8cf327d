package dev.sluice.jms.differential;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A scenario that runs once per {@link Peer}; the method takes the {@code Peer} and opens its
 * {@link Broker} from the class's {@link Brokers} extension:
 *
 * <pre>
 * &#64;RegisterExtension static final Brokers BROKERS = new Brokers();
 *
 * &#64;DifferentialTest
 * void roundTrip(Peer peer) throws Exception {
 *     Broker b = BROKERS.open(peer);
 *     ...
 * }
 * </pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@MethodSource("dev.sluice.jms.differential.Peer#both")
public @interface DifferentialTest {
}
