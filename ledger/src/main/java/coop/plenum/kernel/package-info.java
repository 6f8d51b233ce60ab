/**
 * The shared kernel of Plenum's bounded contexts: typed refusals that the API maps to problem+json,
 * and the injected sources of ids. Pure Java, no Spring, no storage.
 */
package coop.plenum.kernel;
