#!/usr/bin/env python3
"""Writes the constructed engagement-survey export used by the tests and the
demo: responses across the four Coventry APMS practices, in the shape a
survey tool exports (one row per response, the questions as headers).
Every answer is invented; the seed makes the file the same on every run.

usage: scripts/survey-fixture.py > tests/data/survey/engagement-survey-constructed.csv
"""
import csv
import random
import sys

rng = random.Random(20261123)

PRACTICES = [  # the label the survey showed, the share of responses
    ("Stoke Aldermoor (Malling Health)", 0.30),
    ("Arden Healthcare Centre", 0.25),
    ("Broad Lane Surgery", 0.15),
    ("Alliance Teaching Practices, Foleshill", 0.30),
]
DISTRICTS = {
    "Stoke Aldermoor (Malling Health)": ["CV3 1", "CV2 5", "CV3 2"],
    "Arden Healthcare Centre": ["CV1 4", "CV2 4", "CV1 2"],
    "Broad Lane Surgery": ["CV5 7", "CV4 9", "CV5 9"],
    "Alliance Teaching Practices, Foleshill": ["CV6 5", "CV6 6", "CV6 7"],
}
MATTERS = ["Getting an appointment", "Seeing the same GP", "Being close to home",
           "Telephone access", "Opening hours", "Friendly staff",
           "Parking", "Public transport", "Interpreting services"]
SATISFACTION = ["Very dissatisfied", "Dissatisfied", "Neither", "Satisfied",
                "Very satisfied"]
IMPACT = ["No impact", "Small impact", "Some impact", "Large impact",
          "Very large impact"]
CHANNELS = [("Online", 0.6), ("Paper", 0.25), ("Assisted by staff or volunteer", 0.15)]
AGES = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+", "Prefer not to say"]
ETHNIC = [("White British", 0.55), ("Asian or Asian British", 0.2),
          ("Black, Black British, Caribbean or African", 0.1), ("Mixed", 0.05),
          ("Other ethnic group", 0.04), ("", 0.06)]
WELL = ["The nurses are kind and take time.", "Reception staff are helpful.",
        "Easy to get repeat prescriptions.", "Doctors listen.", "",
        "Close to where I live, I can walk there.", ""]
BETTER = ["Getting through on the phone at 8am.", "Waiting two weeks for an appointment.",
          "More female GPs please.", "", "An interpreter when I need one.",
          "Parking is very difficult.", ""]


def pick(weighted):
    x, acc = rng.random(), 0.0
    for item, w in weighted:
        acc += w
        if x < acc:
            return item
    return weighted[-1][0]


HEADER = ["Response ID", "Submitted", "How did you complete this survey?",
          "Which practice are you registered with?", "Your postcode (optional)",
          "What matters most to you? (choose up to three)",
          "Overall, how satisfied are you with your practice?",
          "How satisfied are you with getting an appointment?",
          "What does the practice do well?", "What could the practice do better?",
          "If your practice closed, how would it affect you?",
          "What travel time to a GP practice is reasonable? (minutes)",
          "Age group", "Ethnic group", "Are you a carer?",
          "Do you consider yourself to have a disability?"]


def row(n):
    practice = pick(PRACTICES)
    day = 1 + rng.randrange(42)  # six weeks from 2021-09-06
    month, dom = (9, 5 + day) if day <= 25 else (10, day - 25)
    district = rng.choice(DISTRICTS[practice])
    postcode = "" if rng.random() < 0.2 else district + rng.choice("ABDEFGHJ") + rng.choice("ABDHJLNPQRSTUWXYZ")
    matters = "; ".join(rng.sample(MATTERS, rng.randrange(1, 4)))
    age = rng.choice(AGES)
    travel = rng.choice([5, 10, 10, 15, 15, 15, 20, 20, 30, 45] if age not in ("65-74", "75+")
                        else [5, 10, 10, 10, 15, 15, 20])
    skip_travel = rng.random() < 0.08
    return [f"R{n:04d}", f"2021-{month:02d}-{dom:02d}", pick(CHANNELS), practice, postcode,
            matters, rng.choice(SATISFACTION), rng.choice(SATISFACTION + [""]),
            rng.choice(WELL), rng.choice(BETTER), rng.choice(IMPACT),
            "" if skip_travel else str(travel), age, pick(ETHNIC),
            rng.choice(["Yes", "No", "No", "No"]), rng.choice(["Yes", "No", "No", "No", ""])]


def main():
    w = csv.writer(sys.stdout, lineterminator="\r\n")
    w.writerow(HEADER)
    for n in range(1, 361):
        w.writerow(row(n))


main()
