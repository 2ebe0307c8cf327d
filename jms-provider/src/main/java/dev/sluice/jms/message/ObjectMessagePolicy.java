package dev.sluice.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which classes an ObjectMessage payload may contain. Deserializing untrusted bytes can run code ("gadget chains"),
 * so every class in the stream, nested ones included, must be allowed; the check is an {@link ObjectInputFilter} so it
 * happens before any class is instantiated.
 *
 * <p>Allowed by default: the boxed primitives and String of java.lang (with Number and Enum, their serial supertypes),
 * and everything under java.util, java.time and java.math. The setting {@value #SETTING} adds comma-separated entries:
 * an exact class name ({@code com.acme.Order}) or a package prefix ({@code com.acme.*}, which also covers
 * subpackages). The single entry {@code *} allows every class and switches the protection off.
 */
public final class ObjectMessagePolicy {

    /** The connection factory setting (URL parameter and setter) that extends the allow-list. */
    public static final String SETTING = "objectMessageAllowList";

    static final List<String> DEFAULTS = List.of("java.lang.Boolean", "java.lang.Byte", "java.lang.Short",
            "java.lang.Character", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            "java.lang.String", "java.lang.Number", "java.lang.Enum", "java.util.*", "java.time.*", "java.math.*");

    private static final int MAX_DEPTH = 100;
    private static final ObjectMessagePolicy DEFAULT = new ObjectMessagePolicy(List.of());
    /** For bodies this JVM serialized itself from the application's own object. */
    static final ObjectMessagePolicy LOCAL = new ObjectMessagePolicy(List.of("*"));

    private final Set<String> exact;
    private final List<String> prefixes;
    private final boolean allowAll;
    private final String description;

    private ObjectMessagePolicy(List<String> extra) {
        List<String> all = new ArrayList<>(DEFAULTS);
        all.addAll(extra);
        List<String> exactNames = new ArrayList<>();
        List<String> packagePrefixes = new ArrayList<>();
        boolean any = false;
        for (String entry : all) {
            if (entry.equals("*")) {
                any = true;
            } else if (entry.endsWith(".*")) {
                packagePrefixes.add(entry.substring(0, entry.length() - 1));
            } else {
                exactNames.add(entry);
            }
        }
        this.exact = Set.copyOf(exactNames);
        this.prefixes = List.copyOf(packagePrefixes);
        this.allowAll = any;
        this.description = String.join(",", extra);
    }

    /** Only the defaults. */
    public static ObjectMessagePolicy defaults() {
        return DEFAULT;
    }

    /** The defaults plus the comma-separated entries of the {@value #SETTING} setting (null or blank: none). */
    public static ObjectMessagePolicy parse(String allowList) {
        if (allowList == null || allowList.isBlank()) {
            return DEFAULT;
        }
        List<String> entries = new ArrayList<>();
        for (String raw : allowList.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            String name = entry.endsWith(".*") ? entry.substring(0, entry.length() - 2) : entry;
            if (!entry.equals("*") && !isQualifiedName(name)) {
                throw new IllegalArgumentException(SETTING + ": '" + entry
                        + "' is neither a class name, a package followed by .* nor *");
            }
            entries.add(entry);
        }
        return new ObjectMessagePolicy(entries);
    }

    public boolean allows(String className) {
        if (allowAll || exact.contains(className)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Deserializes an ObjectMessage payload, refusing any class the list does not allow. */
    public Object deserialize(byte[] payload) throws JMSException {
        String[] refused = new String[1];
        ObjectInputFilter filter = info -> check(info, refused);
        try (ObjectInputStream in = new ContextClassLoaderObjectInputStream(new ByteArrayInputStream(payload))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            if (refused[0] != null) {
                throw refusal(refused[0], e);
            }
            MessageFormatException mfe = new MessageFormatException("the ObjectMessage payload cannot be deserialized: "
                    + e);
            mfe.setLinkedException(e);
            mfe.initCause(e);
            throw mfe;
        }
    }

    private ObjectInputFilter.Status check(ObjectInputFilter.FilterInfo info, String[] refused) {
        if (info.depth() > MAX_DEPTH) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        boolean array = type.isArray();
        while (type.isArray()) {
            type = type.getComponentType();
        }
        // arrays carry no behaviour: an Object[] is fine, its elements are filtered one by one
        if (type.isPrimitive() || (array && type == Object.class) || allows(type.getName())) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        refused[0] = type.getName();
        return ObjectInputFilter.Status.REJECTED;
    }

    private MessageFormatException refusal(String className, Exception cause) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? className : className.substring(0, dot) + ".*";
        MessageFormatException mfe = new MessageFormatException("ObjectMessage payload contains class " + className
                + ", which is not on the deserialization allow-list; if it is trusted, add '" + className + "' (or '"
                + pkg + "') to the " + SETTING + " setting of the connection factory"
                + (description.isEmpty() ? "" : " (currently '" + description + "')"));
        mfe.setLinkedException(cause);
        mfe.initCause(cause);
        return mfe;
    }

    private static boolean isQualifiedName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || !PropertyNames.isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return SETTING + "=" + description + " (+ defaults " + DEFAULTS + ")";
    }

    /** Application servers load the payload's classes through the application's class loader. */
    private static final class ContextClassLoaderObjectInputStream extends ObjectInputStream {
        ContextClassLoaderObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall back to the default lookup (primitives, the caller's loader)
                }
            }
            return super.resolveClass(desc);
        }
    }
}
