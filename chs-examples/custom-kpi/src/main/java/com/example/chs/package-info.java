/**
 * A third-party KPI plugin for chs: {@link com.example.chs.InvoiceDaysOverdue}, which reads {@link
 * com.example.chs.Invoice} signals and {@code invoice_days_overdue} metrics.
 */
package com.example.chs;
