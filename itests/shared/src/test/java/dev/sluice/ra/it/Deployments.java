package dev.sluice.ra.it;

import dev.sluice.ra.it.app.Recorder;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The archives the tests deploy: the adapter exactly as built, and the test application. */
final class Deployments {

    /** The deployment name both servers bind MDBs and connection factory definitions by ("sluice-ra"). */
    static final String ADAPTER = "sluice-ra.rar";

    private Deployments() {
    }

    static ResourceAdapterArchive adapter() {
        File rar = new File(System.getProperty("sluice.rar", "../../resource-adapter/target/sluice-ra.rar"));
        if (!rar.isFile()) {
            throw new IllegalStateException("Build the adapter first: " + rar.getAbsolutePath() + " is missing");
        }
        return ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class, rar);
    }

    static WebArchive application(String name, Class<?>... beans) {
        return dependentWar(name).addPackage(Recorder.class.getPackage()).addClasses(beans);
    }

    /**
     * An empty web archive that may declare its own connection factories on the adapter: WildFly starts a
     * @ConnectionFactoryDefinition's adapter with the application's class loader, so the application depends on
     * the adapter's deployment (Payara ignores this manifest entry).
     */
    static WebArchive dependentWar(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment." + ADAPTER + "\n"));
    }
}
