package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs a test once per storage mode; the method takes the {@link EngineOptions.Storage} and opens with it. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@EnumSource(EngineOptions.Storage.class)
@interface BothStorages {
}
