package dev.claude500.store;

import dev.claude500.incidents.Lease;
import dev.claude500.incidents.Leases;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Leases in table {@code lease}. Taking one is an update that only matches the holder's own row or
 * a lapsed one (the database's row lock makes two takers of one lapsed lease apply one after the
 * other, and the second then matches nothing), else the insert of a new row, which the primary key
 * lets win once.
 */
final class JdbcLeases implements Leases {
  private final Jdbc jdbc;

  JdbcLeases(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean acquire(String name, String holder, Instant now, Duration duration) {
    Checks.requireNonBlank(name, "name");
    Checks.requireNonBlank(holder, "holder");
    Objects.requireNonNull(now, "now");
    Checks.requirePositive(duration, "duration");
    Instant until = now.plus(duration);
    String what = "taking lease " + name + " for " + holder;
    int taken =
        jdbc.update(
            what,
            "UPDATE lease SET holder = ?, expires_at = ? WHERE lease_name = ? AND (holder = ? OR expires_at <= ?)",
            holder,
            until,
            name,
            holder,
            now);
    if (taken == 1) {
      return true;
    }
    // Only a missing row is inserted, so a standby asking while the lease is held causes no key
    // violation (and no error line in the database's log); two first takers still race on the key.
    return jdbc.insertIfAbsent(
        what,
        "INSERT INTO lease (lease_name, holder, expires_at) SELECT ?, ?, ?"
            + " WHERE NOT EXISTS (SELECT 1 FROM lease WHERE lease_name = ?)",
        name,
        holder,
        until,
        name);
  }

  @Override
  public boolean release(String name, String holder) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(holder, "holder");
    return jdbc.update(
            "releasing lease " + name + " held by " + holder,
            "DELETE FROM lease WHERE lease_name = ? AND holder = ?",
            name,
            holder)
        == 1;
  }

  @Override
  public Optional<Lease> find(String name) {
    Objects.requireNonNull(name, "name");
    return jdbc.queryOne(
        "finding lease " + name,
        "SELECT lease_name, holder, expires_at FROM lease WHERE lease_name = ?",
        JdbcLeases::read,
        name);
  }

  private static Lease read(ResultSet rs) throws SQLException {
    return new Lease(rs.getString("lease_name"), rs.getString("holder"), Jdbc.instant(rs, "expires_at"));
  }
}
