/** A third-party KPI plugin for chs. */
package com.example.chs;
