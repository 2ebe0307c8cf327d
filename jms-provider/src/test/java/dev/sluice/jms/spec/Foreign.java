package dev.sluice.jms.spec;

import jakarta.jms.TextMessage;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TextMessage of "another provider": a plain proxy keeping headers and properties in maps, so the
 * provider under test can only use the jakarta.jms interface on it.
 */
public final class Foreign {

    private Foreign() {
    }

    public static TextMessage textMessage(String text) {
        Map<String, Object> headers = new LinkedHashMap<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        headers.put("Text", text);
        return (TextMessage) Proxy.newProxyInstance(Foreign.class.getClassLoader(), new Class<?>[] {TextMessage.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    int n = args == null ? 0 : args.length;
                    switch (name) {
                        case "toString":
                            return "ForeignTextMessage" + headers;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "getPropertyNames":
                            return Collections.enumeration(properties.keySet());
                        case "propertyExists":
                            return properties.containsKey((String) args[0]);
                        case "clearProperties":
                            properties.clear();
                            return null;
                        case "clearBody":
                            headers.remove("Text");
                            return null;
                        case "acknowledge":
                            return null;
                        case "isBodyAssignableTo":
                            return ((Class<?>) args[0]).isAssignableFrom(String.class);
                        case "getBody":
                            return headers.get("Text");
                        default:
                            break;
                    }
                    if (name.endsWith("Property") && name.startsWith("set") && n == 2) {
                        properties.put((String) args[0], args[1]);
                        return null;
                    }
                    if (name.endsWith("Property") && name.startsWith("get") && n == 1) {
                        return orDefault(properties.get((String) args[0]), method.getReturnType());
                    }
                    if (name.startsWith("set") && n == 1) {
                        headers.put(name.substring(3), args[0]);
                        return null;
                    }
                    if (name.startsWith("get") && n == 0) {
                        return orDefault(headers.get(name.substring(3)), method.getReturnType());
                    }
                    throw new UnsupportedOperationException(name);
                });
    }

    private static Object orDefault(Object value, Class<?> type) {
        if (value != null || !type.isPrimitive()) {
            return value;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return (byte) 0;
    }
}
