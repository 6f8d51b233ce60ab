package coop.plenum.web;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ElectionClassesInCharterOrderTest {

    @Test
    void anElectionsClassesAreShownInTheChartersOrderAndAClassTheCharterNoLongerNamesComesLast() {
        Map<String, String> charter = new LinkedHashMap<>();
        charter.put("workers", "Workers");
        charter.put("users", "Users");
        charter.put("investors", "Investors");
        Map<String, Integer> seats = Map.of("users", 1, "workers", 2, "retired", 1);

        assertThat(ElectionPanel.seatsInCharterOrder(seats, charter).keySet())
                .containsExactly("workers", "users", "retired");
        assertThat(ElectionPanel.seatsInCharterOrder(seats, charter)).containsEntry("workers", 2).containsEntry("retired", 1);
    }
}
