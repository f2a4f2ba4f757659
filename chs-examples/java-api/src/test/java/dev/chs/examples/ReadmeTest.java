package dev.chs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.CloudId;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README shows code and a model file that the build checks. */
class ReadmeTest {
  private static final Path ROOT = Path.of("../..");

  @Test
  void showsTheJavaExampleExactlyAsQuickStartRunsIt() throws IOException {
    String source =
        Files.readString(ROOT.resolve("chs-examples/java-api/src/main/java/dev/chs/examples/"
            + "QuickStart.java"));
    Matcher region =
        Pattern.compile("// README:begin\n(.*?)\n\\s*// README:end", Pattern.DOTALL)
            .matcher(source);
    assertThat(region.find()).as("QuickStart marks the region the README shows").isTrue();

    assertThat(codeBlocks("java")).contains(unindent(region.group(1)));
  }

  @Test
  void showsAModelFileThatReads() throws IOException {
    List<String> yaml = codeBlocks("yaml");
    assertThat(yaml).hasSize(1);

    HealthModel model =
        ModelFile.read(yaml.get(0), ModelFile.Format.YAML, "README.md", KpiRegistry.discover());

    assertThat(model.minimumCoverage()).isEqualTo(0.6);
    assertThat(model.kpis()).hasSize(5);
    assertThat(model.kpi("open_support_cases").orElseThrow().weightIn(CloudId.of("service")))
        .isEqualTo(0.30);
  }

  private static List<String> codeBlocks(String language) throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher block =
        Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(readme);
    return block.results().map(m -> m.group(1)).toList();
  }

  private static String unindent(String code) {
    int indent = code.length() - code.stripLeading().length();
    StringBuilder out = new StringBuilder();
    for (String line : code.split("\n", -1)) {
      out.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
    }
    return out.toString();
  }
}
