package dev.chs.testkit;

/** Placeholder until the contract test lands. */
public abstract class KpiContract {}
