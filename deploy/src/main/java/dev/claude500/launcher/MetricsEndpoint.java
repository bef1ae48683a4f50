package dev.claude500.launcher;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /metrics}: every meter of the registry in Prometheus' text format, the JVM's own
 * (memory, garbage collection, threads, classes, CPU, uptime) bound to it at construction.
 * Closing it unbinds the garbage-collection listener.
 */
final class MetricsEndpoint implements Route, AutoCloseable {
  /** The Prometheus text exposition format's content type. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc = new JvmGcMetrics();

  MetricsEndpoint(PrometheusMeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  @Override
  public Reply answer(Head head, byte[] body) {
    if (!"GET".equals(head.method()) && !"HEAD".equals(head.method())) {
      return new Reply(405, "text/plain; charset=utf-8", "GET only\n", Map.of("Allow", List.of("GET, HEAD")));
    }
    return new Reply(200, CONTENT_TYPE, "HEAD".equals(head.method()) ? "" : registry.scrape(), Map.of());
  }

  @Override
  public void close() {
    gc.close();
  }
}
