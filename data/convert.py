#!/usr/bin/env python3
"""Converts the copied churn data sets into chs snapshot data sets: metrics.csv + renewals.csv.

Run from the repository root:  python3 data/convert.py
It reads data/<name>/<original>.csv and writes data/<name>/metrics.csv and renewals.csv.
Standard library only; the output is deterministic (rows in source order, LF line endings).

Every data set is an account snapshot with a churn label and no dates, so:
- metrics.csv has account_id, an empty cloud (account-wide), then one numeric column per
  candidate KPI; an empty cell means unknown (the KPI is not applicable for that account);
- renewals.csv has one row per account: account_id, empty cloud, renewal_date 2020-01-01
  (a placeholder: the sources have no dates, so a time split is not defined), and the outcome,
  'churned' when the source's label says churn, else 'renewed'.
"""
import csv
import os
import re

ROOT = os.path.dirname(os.path.abspath(__file__))
PLACEHOLDER_DATE = "2020-01-01"


def write(name, header, rows, outcomes):
    folder = os.path.join(ROOT, name)
    with open(os.path.join(folder, "metrics.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["account_id", "cloud"] + header)
        for account, values in rows:
            w.writerow([account, ""] + values)
    with open(os.path.join(folder, "renewals.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["account_id", "cloud", "renewal_date", "outcome"])
        for account, churned in outcomes:
            w.writerow([account, "", PLACEHOLDER_DATE, "churned" if churned else "renewed"])


def yes(value):
    return "1" if value.strip().lower() == "yes" else "0"


def mlc():
    # state (51 levels) and area_code (3 levels) are left out; yes/no plans become 1/0. One
    # column is derived: total_charge, the sum of the four charges (the monthly bill that
    # SOURCE.md names as the revenue signal), rounded to cents.
    numeric = ["account_length", "number_vmail_messages", "total_day_minutes",
               "total_day_calls", "total_day_charge", "total_eve_minutes", "total_eve_calls",
               "total_eve_charge", "total_night_minutes", "total_night_calls",
               "total_night_charge", "total_intl_minutes", "total_intl_calls",
               "total_intl_charge", "number_customer_service_calls"]
    header = ["international_plan", "voice_mail_plan"] + numeric + ["total_charge"]
    charges = ["total_day_charge", "total_eve_charge", "total_night_charge", "total_intl_charge"]
    rows, outcomes = [], []
    with open(os.path.join(ROOT, "mlc-churn", "mlc_churn.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            account = "mlc-" + r["rownames"]
            rows.append((account, [yes(r["international_plan"]), yes(r["voice_mail_plan"])]
                         + [r[c] for c in numeric]
                         + ["%.2f" % sum(float(r[c]) for c in charges)]))
            outcomes.append((account, r["churn"] == "yes"))
    write("mlc-churn", header, rows, outcomes)


def telco():
    # Yes/No services become 1/0 ("No internet service" and "No phone service" count as 0; the
    # internet and phone indicators carry that). Internet service and payment method become one
    # indicator per category; the contract becomes its term in years (0, 1, 2).
    services = ["multiple_lines", "online_security", "online_backup", "device_protection",
                "tech_support", "streaming_tv", "streaming_movies"]
    payments = {"Electronic check": "payment_electronic_check",
                "Mailed check": "payment_mailed_check",
                "Bank transfer (automatic)": "payment_bank_transfer",
                "Credit card (automatic)": "payment_credit_card"}
    terms = {"Month-to-month": "0", "One year": "1", "Two year": "2"}
    header = (["female", "senior_citizen", "partner", "dependents", "tenure", "phone_service"]
              + services + ["internet_dsl", "internet_fiber", "contract_years",
                            "paperless_billing"] + list(payments.values())
              + ["monthly_charges", "total_charges"])
    rows, outcomes = [], []
    with open(os.path.join(ROOT, "ibm-telco-wa-churn", "wa_churn.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            account = "telco-" + r["rownames"]
            values = [r["female"], r["senior_citizen"], r["partner"], r["dependents"],
                      r["tenure"], r["phone_service"]]
            values += [yes(r[s]) for s in services]
            values += ["1" if r["internet_service"] == "DSL" else "0",
                       "1" if r["internet_service"] == "Fiber optic" else "0",
                       terms[r["contract"]], r["paperless_billing"]]
            values += ["1" if r["payment_method"] == p else "0" for p in payments]
            values += [r["monthly_charges"], r["total_charges"]]  # total_charges may be empty
            rows.append((account, values))
            outcomes.append((account, r["churn"] == "Yes"))
    write("ibm-telco-wa-churn", header, rows, outcomes)


def iranian():
    # Every column is kept, renamed to snake_case; rows have no id, so the id is the row number.
    rows, outcomes = [], []
    with open(os.path.join(ROOT, "iranian-churn", "Customer_Churn.csv"), encoding="utf-8") as f:
        reader = csv.reader(f)
        source = next(reader)
        names = [re.sub(r"\s+", "_", h.strip()).lower() for h in source]
        label = names.index("churn")
        header = [n for n in names if n != "churn"]
        for i, r in enumerate(reader, start=1):
            account = "iran-%04d" % i
            rows.append((account, [v for j, v in enumerate(r) if j != label]))
            outcomes.append((account, r[label].strip() == "1"))
    write("iranian-churn", header, rows, outcomes)


if __name__ == "__main__":
    mlc()
    telco()
    iranian()
