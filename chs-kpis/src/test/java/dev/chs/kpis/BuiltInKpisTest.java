package dev.chs.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.kpi.Kpi;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuiltInKpisTest {
  private static final List<String> CLASS_NAMES =
      BuiltInKpis.all().stream().map(k -> k.getClass().getName()).collect(Collectors.toList());

  @Test
  void allHoldsOneOfEachKpiInTheOrderOfTheIds() {
    assertThat(BuiltInKpis.all().stream().map(Kpi::id))
        .containsExactlyElementsOf(BuiltInKpis.IDS)
        .containsExactly(
            "open_support_cases",
            "cases_closed_to_created",
            "first_time_fix_rate",
            "work_order_volume",
            "complaints_raised",
            "product_adoption",
            "sentiment");
  }

  @Test
  void theServicesFileListsEveryKpi() throws IOException {
    Path services = Path.of("src/main/resources/META-INF/services/dev.chs.api.kpi.Kpi");
    assertThat(Files.readAllLines(services)).containsExactlyElementsOf(CLASS_NAMES);
  }

  @Test
  void theModuleProvidesEveryKpi() {
    ModuleDescriptor descriptor = BuiltInKpis.class.getModule().getDescriptor();
    if (descriptor == null) {
      // On the class path the module descriptor is not read; the services file covers that case.
      return;
    }
    assertThat(descriptor.provides())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.service()).isEqualTo(Kpi.class.getName());
          assertThat(p.providers()).containsExactlyElementsOf(CLASS_NAMES);
        });
  }
}
