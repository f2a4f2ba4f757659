/**
 * The seven built-in KPIs of chs, one public class each, and the serialized forms of their
 * accumulators.
 *
 * <p>Each KPI has a public no-argument constructor and an {@code ID} constant, and is found by
 * {@link java.util.ServiceLoader}; {@link dev.chs.kpis.BuiltInKpis#all()} returns one of each
 * without it. Every windowed KPI looks at the half-open window {@code (T - W, T]} through {@link
 * dev.chs.api.Window#contains}: a signal dated exactly at T counts, one dated exactly at {@code T
 * - W} does not, and one dated after T never does. All accumulation is exact (counts in longs,
 * sums in 192-bit integers as in {@link dev.chs.api.kpi.MergeableSum}), so merged and single-pass
 * accumulators give equal results and equal bytes; docs/numbers.md says where results round.
 *
 * <p>Every built-in KPI also offers a store of many pairs' state ({@link
 * dev.chs.api.kpi.Kpi#newStates}), which the aggregator uses instead of one accumulator per pair.
 * All but {@link dev.chs.kpis.ComplaintsRaised} keep the fields of their forms below, as longs,
 * for every pair in one array; {@code complaints_raised} keeps one reference per pair, to nothing,
 * to the one complaint id, or from the second distinct id to a sorted array or a set of them. A
 * pair's state leaves the store as an accumulator, so the forms are the same either way, and each
 * KPI's contract test checks that the store agrees with its accumulators.
 *
 * <h2 id="forms">Serialized forms</h2>
 *
 * <p>Every accumulator writes, in {@link java.io.DataOutput} encoding, the header of {@link
 * dev.chs.api.kpi.KpiState} (the KPI id, the version of the form as an unsigned byte, and the
 * window), and then the fields below. Each KPI class writes and reads the version in its {@code
 * STATE_VERSION} constant. A KPI whose form changed also reads its earlier versions, from its
 * {@code OLDEST_STATE_VERSION}, and writes only the newest; a reader given a version outside that
 * range fails with an {@link java.io.IOException} that names the versions expected and found. A reader rejects fields that no accumulator could have written, such as a
 * negative count, with an {@code IOException} whose message says "possible corruption". The forms
 * are deterministic: equal states write equal bytes, whatever the order in which signals were
 * added and accumulators merged.
 *
 * <table class="striped">
 *   <caption>Fields after the header, in order</caption>
 *   <thead>
 *     <tr><th scope="col">KPI id</th><th scope="col">version</th><th scope="col">fields</th></tr>
 *   </thead>
 *   <tbody>
 *     <tr>
 *       <th scope="row">{@code open_support_cases}</th>
 *       <td>1</td>
 *       <td>{@code long open}: cases open at T; {@code long seen}: cases opened at or before T,
 *           at least {@code open}</td>
 *     </tr>
 *     <tr>
 *       <th scope="row">{@code cases_closed_to_created}</th>
 *       <td>1</td>
 *       <td>{@code long opened}: cases opened in the window; {@code long closed}: cases closed in
 *           the window; {@code long cases}: cases that did either, at least each of the two and
 *           at most their sum</td>
 *     </tr>
 *     <tr>
 *       <th scope="row">{@code first_time_fix_rate}</th>
 *       <td>1</td>
 *       <td>{@code long known}: cases closed and work orders completed in the window with a
 *           known first-time fix; {@code long fixed}: those fixed at the first attempt, at most
 *           {@code known}</td>
 *     </tr>
 *     <tr>
 *       <th scope="row">{@code work_order_volume}</th>
 *       <td>1</td>
 *       <td>four {@code long}s: the work orders created in {@code window.earlier(n)} for {@code
 *           n} = 0 (the window itself), 1, 2 and 3</td>
 *     </tr>
 *     <tr>
 *       <th scope="row">{@code complaints_raised}</th>
 *       <td>1</td>
 *       <td>{@code int count}, then {@code count} complaint ids, each as {@link
 *           java.io.DataOutput#writeUTF modified UTF-8}, distinct, not blank, and in ascending
 *           order of {@link java.lang.String#compareTo}</td>
 *     </tr>
 *     <tr>
 *       <th scope="row">{@code product_adoption}</th>
 *       <td>2</td>
 *       <td>{@code long samples}: usage samples in the window; then the sum of their {@code
 *           activeUsers / licensedUsers} as {@link dev.chs.api.kpi.MergeableSum#writeTo} writes
 *           it (three {@code long}s: the high, middle and low word of a 192-bit two's-complement
 *           integer in units of 2<sup>-64</sup>), zero when {@code samples} is</td>
 *     </tr>
 *     <tr>
 *       <th scope="row">{@code product_adoption}</th>
 *       <td>1 (read only)</td>
 *       <td>{@code long samples}, then the sum as two {@code long}s: the high and low word of a
 *           128-bit two's-complement integer in units of 2<sup>-32</sup>; read as version 2
 *           with the sum shifted left by 32 bits, which is exact</td>
 *     </tr>
 *     <tr>
 *       <th scope="row">{@code sentiment}</th>
 *       <td>2</td>
 *       <td>{@code long samples}: sentiment samples in the window; then the sum of their scores
 *           as {@link dev.chs.api.kpi.MergeableSum#writeTo} writes it (three {@code long}s, as
 *           for {@code product_adoption}), zero when {@code samples} is, with a mean in [-1,
 *           1]</td>
 *     </tr>
 *     <tr>
 *       <th scope="row">{@code sentiment}</th>
 *       <td>1 (read only)</td>
 *       <td>{@code long samples}, then the sum as two {@code long}s in units of 2<sup>-32</sup>,
 *           as for {@code product_adoption} version 1</td>
 *     </tr>
 *   </tbody>
 * </table>
 *
 * <p>A change to a form raises its version. The test resources hold one golden file per form
 * and version, {@code golden/<id>.v<version>.bin}: the tests compare the written bytes with the
 * newest, and read every older one.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.kpis;

import org.jspecify.annotations.NullMarked;
