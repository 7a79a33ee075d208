#!/usr/bin/env python3
"""Tests of the measuring helpers in mqm_data.py on made-up rows (no data file needed).

    python3 -m unittest discover -s tools -p 'test_*.py'
"""
import collections
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from mqm_data import pair_accuracy, rater_spans_hit  # noqa: E402


def row(testset, seg_id, score):
    return {'testset': testset, 'seg_id': seg_id, 'mqm_score': str(score)}


def counts(per_row):
    out = collections.defaultdict(collections.Counter)
    for i, n in enumerate(per_row):
        out[i]['X001'] = n
    return out


class PairAccuracy(unittest.TestCase):
    def test_counts_agreeing_and_disagreeing_pairs(self):
        rows = [row('news', '1', 5.0), row('news', '1', 1.0), row('news', '2', 1.0), row('news', '2', 4.0)]
        # segment 1: more findings on the worse translation (agrees);
        # segment 2: more findings on the better one (disagrees).
        self.assertEqual(pair_accuracy(rows, counts([2, 0, 1, 0]), 'X001'), (1, 1))

    def test_skips_ties_in_either_score_or_count(self):
        rows = [row('news', '1', 3.0), row('news', '1', 3.0), row('news', '2', 5.0), row('news', '2', 1.0)]
        self.assertEqual(pair_accuracy(rows, counts([1, 0, 1, 1]), 'X001'), (0, 0))

    def test_never_pairs_rows_of_different_test_sets(self):
        # The same seg_id in two test sets names two different sources.
        rows = [row('news', '7', 9.0), row('ted', '7', 1.0)]
        self.assertEqual(pair_accuracy(rows, counts([3, 0]), 'X001'), (0, 0))
        self.assertEqual(pair_accuracy(rows, counts([3, 0]), 'X001', 'news'), (0, 0))


class SpansHit(unittest.TestCase):
    def test_overlap_and_empty_finding(self):
        errors = [{'bstart': 10, 'bend': 20}]
        self.assertEqual(len(rater_spans_hit({'start': 15, 'end': 25}, errors)), 1)
        self.assertEqual(len(rater_spans_hit({'start': 20, 'end': 25}, errors)), 0)
        self.assertEqual(len(rater_spans_hit({'start': 20, 'end': 20}, errors)), 1)


if __name__ == '__main__':
    unittest.main()
