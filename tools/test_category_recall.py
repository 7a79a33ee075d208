#!/usr/bin/env python3
"""Tests of tools/category_recall.py on made-up rows (no data file needed)."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from category_recall import penalty, tally  # noqa: E402


def error(category, severity, start, end, exact=True):
    return {'category': category, 'severity': severity, 'bstart': start, 'bend': end, 'exact': exact}


class Penalty(unittest.TestCase):
    def test_weights_follow_the_data(self):
        self.assertEqual(penalty(error('Accuracy/Mistranslation', 'Major', 0, 1)), 5.0)
        self.assertEqual(penalty(error('Fluency/Grammar', 'Minor', 0, 1)), 1.0)
        self.assertEqual(penalty(error('Fluency/Punctuation', 'Minor', 0, 1)), 0.1)
        self.assertEqual(penalty(error('Non-translation', 'Major', 0, 1)), 25.0)


class Tally(unittest.TestCase):
    def test_counts_errors_and_those_a_finding_overlaps(self):
        rows = [
            {'errors': json.dumps([error('Accuracy/Mistranslation', 'Major', 0, 5),
                                   error('Fluency/Punctuation', 'Minor', 10, 11)])},
            {'errors': json.dumps([error('Accuracy/Mistranslation', 'Major', 0, 5)])},
            # a row with an inexact span is left out, as mqm_eval.py leaves it out
            {'errors': json.dumps([error('Accuracy/Mistranslation', 'Major', 0, 5, exact=False)])},
        ]
        by_row = {0: [{'start': 9, 'end': 12}], 2: [{'start': 0, 'end': 5}]}
        count, found, weight = tally(rows, by_row)
        mistranslation = ('Accuracy/Mistranslation', 'Major')
        punctuation = ('Fluency/Punctuation', 'Minor')
        self.assertEqual(count[mistranslation], 2)
        self.assertEqual(found[mistranslation], 0)
        self.assertEqual(weight[mistranslation], 10.0)
        self.assertEqual((count[punctuation], found[punctuation]), (1, 1))


if __name__ == '__main__':
    unittest.main()
