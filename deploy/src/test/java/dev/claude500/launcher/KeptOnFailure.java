package dev.claude500.launcher;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * A {@link TempDir} made under {@code target/it-logs/<test class>/<test method>-<n>/} instead of
 * the system's temporary folder, and deleted only when the test passes: a failed run's files (the
 * bots' logs, their store) stay beside the build's reports. Use it as {@code @KeptOnFailure Path dir}.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@TempDir(factory = KeptOnFailure.UnderTarget.class, cleanup = CleanupMode.ON_SUCCESS)
@interface KeptOnFailure {
  /** Makes the folder under {@code target/it-logs/} (the tests run in the module's folder). */
  final class UnderTarget implements TempDirFactory {
    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
      Path parent = Path.of("target", "it-logs", context.getRequiredTestClass().getSimpleName()).toAbsolutePath();
      Files.createDirectories(parent);
      String method = context.getTestMethod().map(Method::getName).orElse("all");
      return Files.createTempDirectory(parent, method + "-");
    }
  }
}
