/**
 * A third-party KPI plugin for chs: {@link com.example.chs.InvoiceDaysOverdue}, which reads {@link
 * com.example.chs.Invoice} signals and {@code invoice_days_overdue} metrics.
 */
@NullMarked
package com.example.chs;

import org.jspecify.annotations.NullMarked;
