/**
 * The benchmark harness: measures the figures in the README's Performance section against the
 * packaged jar and the engine, side by side in one run, and prints them as a Markdown table.
 *
 * <p>Run it with {@code ./mvnw -B -q -Pbench -pl deploy -am verify -DskipTests}. It reuses the
 * loopback fakes of {@code bot-core}'s test jar (Slack Web API, status page, request signer) and
 * starts the real service as a process of {@code deploy/target/claude500.jar}; the engine figures
 * run in this JVM (JMH) and in a forked JVM with a 256 MB heap. It never reaches beyond loopback,
 * and every request loop is bounded in count and time.
 */
package dev.claude500.bench;
