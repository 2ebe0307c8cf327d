package dev.sluice.jms.cdi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SluiceUrlTest {

    @TempDir
    Path dir;

    private ClassLoader withProperties(String content) throws Exception {
        Path file = dir.resolve(SluiceUrl.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return new URLClassLoader(new URL[]{dir.toUri().toURL()}, null);
    }

    private static Properties system(String url) {
        Properties p = new Properties();
        if (url != null) {
            p.setProperty(SluiceUrl.PROPERTY, url);
        }
        return p;
    }

    @Test
    void theSystemPropertyWinsOverTheFile() throws Exception {
        SluiceUrl url = SluiceUrl.resolve(system("sluice:embedded?storage=memory"), withProperties("url=sluice:embedded?dataDir=x"));
        assertThat(url.url()).isEqualTo("sluice:embedded?storage=memory");
        assertThat(url.origin()).isEqualTo("system property sluice.url");
    }

    @Test
    void theFileOnTheClassPathIsUsedWithoutTheSystemProperty() throws Exception {
        SluiceUrl url = SluiceUrl.resolve(system(null), withProperties("url = sluice:embedded?dataDir=/var/orders\n"));
        assertThat(url.url()).isEqualTo("sluice:embedded?dataDir=/var/orders");
        assertThat(url.origin()).endsWith("META-INF/sluice.properties");
    }

    @Test
    void withNeitherTheDefaultEmbeddedEngine() {
        SluiceUrl url = SluiceUrl.resolve(system(null), new URLClassLoader(new URL[0], null));
        assertThat(url).isEqualTo(new SluiceUrl("sluice:embedded", "default"));
    }

    @Test
    void aFileWithoutUrlIsAnErrorNamingTheFile() throws Exception {
        ClassLoader loader = withProperties("uri=sluice:embedded\n");
        assertThatThrownBy(() -> SluiceUrl.resolve(system(null), loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("META-INF/sluice.properties has no 'url' key");
    }
}
