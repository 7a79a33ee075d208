#!/usr/bin/env python3
"""Tests of tools/names/garble_eval.py on made-up words and rows (no data file needed).

    python3 -m unittest discover -s tools -p 'test_*.py'
"""
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'names'))

from garble_eval import measure, slip, sound_alikes  # noqa: E402


class Garbles(unittest.TestCase):
    def test_slips_keep_the_first_letter(self):
        rnd = random.Random(1)
        for kind in ('drop', 'double', 'swap', 'replace'):
            for _ in range(50):
                out = slip('Mnuchin', kind, rnd)
                if out is None:
                    continue
                self.assertNotEqual(out, 'Mnuchin')
                self.assertEqual(out[0], 'M')
        self.assertIsNone(slip('Li', 'drop', rnd))

    def test_slip_lengths(self):
        rnd = random.Random(2)
        self.assertEqual(len(slip('Kudlow', 'drop', rnd)), 5)
        self.assertEqual(len(slip('Kudlow', 'double', rnd)), 7)
        self.assertEqual(len(slip('Kudlow', 'replace', rnd) or 'Kudlow'), 6)

    def test_sound_alikes(self):
        self.assertIn('rin', sound_alikes('Lin'))
        self.assertIn('zhann', sound_alikes('Zhang'))
        self.assertIn('shue', sound_alikes('Xue'))


class Measure(unittest.TestCase):
    def test_counts_found_suggested_and_noisy(self):
        cases = [
            {'para': 0, 'bstart': 4, 'bend': 10, 'kind': 'en', 'how': 'drop', 'original': 'Kudlow',
             'variant': 'Kudlw', 'doc': 'a', 'garbled': ['xxx Kudlw said']},
            {'para': 0, 'bstart': 0, 'bend': 3, 'kind': 'cn', 'how': 'sound', 'original': 'Lin',
             'variant': 'Rin', 'doc': 'b', 'garbled': ['Rin Dan spoke']},
        ]
        row_of = {('g', 0, 0): 1, ('o', 0, 0): 2, ('g', 1, 0): 3, ('o', 1, 0): 4}
        findings = [
            {'row': 1, 'code': 'N001', 'start': 4, 'end': 9, 'suggestions': ['Kudlow'], 'text': 'Kudlw'},
            {'row': 3, 'code': 'Q001', 'start': 0, 'end': 3, 'suggestions': [], 'text': 'Rin'},
            {'row': 4, 'code': 'E002', 'start': 0, 'end': 3, 'suggestions': [], 'text': 'Lin'},
        ]
        m = measure(cases, findings, row_of)
        self.assertEqual((m['found'], m['suggested']), (1, 1))
        self.assertEqual(len(m['missed']), 1)
        self.assertEqual([doc for doc, _ in m['noisy']], ['b'])


if __name__ == '__main__':
    unittest.main()
