package dev.hindsight.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeNamesTest {

  @ParameterizedTest
  @CsvSource({
    "holdout.domain.events.AccountOpened, AccountOpened",
    "hoteldomain:BookingCreated, BookingCreated",
    "hoteldomain:Booking.Created, Created",
    "com.example.Cart$ItemAdded#2, ItemAdded",
    "ItemAdded, ItemAdded",
    "trailing., trailing.",
  })
  void theShortNameIsTheLastNameAReducerLooksUp(String stored, String shortName) {
    assertThat(TypeNames.shortName(stored)).isEqualTo(shortName);
    assertThat(TypeNames.matches(stored, shortName)).isTrue();
  }
}
