/** Facts about running the platform itself (not about any one cooperative), recorded in the log for auditors. */
package coop.plenum.governance.operations;
