package dev.chs.core.aggregate;

import dev.chs.api.CloudId;
import dev.chs.api.internal.HandedOverList;
import dev.chs.api.kpi.KpiValue;
import java.util.List;
import java.util.Objects;

/**
 * The KPI values of one account in one cloud, ready to be scored, with the cloud's ARR.
 *
 * <p>A KPI of the model that is missing from {@code values} is scored as not applicable, with the
 * reason {@code "no value supplied"}. A value whose KPI is not in the model is rejected when the
 * values are scored, not here, since this record does not know the model.
 *
 * @param cloud the cloud; never null
 * @param arr the annual recurring revenue of the account in this cloud, in the currency of the
 *     contracts; finite and at least zero, and zero when the cloud has no contract
 * @param values the KPI values of the cloud, at most one per KPI id, in any order; never null
 * @since 0.1.0
 */
public record CloudValues(CloudId cloud, double arr, List<KpiValue> values) {
  /**
   * Creates the values of a cloud.
   *
   * @throws IllegalArgumentException if {@code arr} is negative or not finite, or two values share
   *     a KPI id
   * @throws NullPointerException if an argument or a value is null
   */
  public CloudValues {
    Objects.requireNonNull(cloud, "cloud: must not be null");
    if (!(arr >= 0 && Double.isFinite(arr))) {
      throw new IllegalArgumentException(
          "arr of cloud '" + cloud + "': must be a finite number >= 0, was " + arr);
    }
    values = HandedOverList.copyOf(Objects.requireNonNull(values, "values: must not be null"));
    int repeated = Distinct.firstRepeated(values, KpiValue::kpiId);
    if (repeated >= 0) {
      throw new IllegalArgumentException(
          "values of cloud '" + cloud + "': at most one value per KPI expected, '"
              + values.get(repeated).kpiId() + "' appears twice");
    }
  }
}
