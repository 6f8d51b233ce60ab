package coop.plenum.governance.cooperative;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.account.AccountId;

import java.time.Instant;
import java.util.List;

/**
 * A fact: a cooperative came into being under this (complete) charter; its founders were ACTIVE members
 * in their classes from {@code foundedAt}, and {@code secretaryAccountId} held the SECRETARY role.
 */
public record CooperativeFounded(CooperativeId cooperativeId,
                                 String name,
                                 Charter charter,
                                 List<FoundingMember> founders,
                                 AccountId secretaryAccountId,
                                 Instant foundedAt) {
}
