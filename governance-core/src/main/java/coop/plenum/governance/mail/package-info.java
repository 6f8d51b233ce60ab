/**
 * Outgoing email (invitations, password resets, notifications) over SMTP, configured by Spring Boot's standard
 * {@code spring.mail.*} properties plus {@code plenum.mail.from}; off while {@code spring.mail.host} is unset.
 * Also where links in messages point: {@code plenum.public-url}.
 */
package coop.plenum.governance.mail;
