#!/usr/bin/env python3
"""Rebuild wordlists/irregular_verbs.tsv from WordNet's verb exception list.

Input: verb.exc from the Debian package wordnet-base (WordNet 3.0), e.g.

    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb /tmp/wn
    python3 tools/phrasing/gen_irregular_verbs.py /tmp/wn/usr/share/wordnet/verb.exc

verb.exc maps inflected forms to their base but does not say which form is
the past and which the past participle, and it also lists many regular
spelling changes (abetted, allied) and rare or archaic verbs (aby, clepe).
This script therefore:

1. collects every base that has a form which is not a regular -ed spelling;
2. keeps the bases named in KEEP (modern, real irregular verbs); every other
   candidate must be named in DROP (multi-word entries with '_' are dropped
   as a class), so nothing is lost silently;
3. assigns past / past participle: one irregular form is both, unless the
   verb is listed in PARTS (hand-written from general knowledge), and then
   checks that every irregular form WordNet gives for the verb is used;
4. adds ZERO_CHANGE verbs whose past equals the base (cut, put, set), which an
   exception list cannot show;
5. makes the -s and -ing forms by spelling rules and checks them against the
   -ing forms that verb.exc lists.
"""
import collections
import re
import sys

OUT = 'wordlists/irregular_verbs.tsv'

# Verbs whose parts are not "one irregular form for both past and participle".
# base: (past, past participle); alternatives separated by '|'.
PARTS = {
    'abide': ('abided|abode', 'abided|abode'),
    'browbeat': ('browbeat', 'browbeaten'),
    'misspell': ('misspelled|misspelt', 'misspelled|misspelt'),
    'arise': ('arose', 'arisen'),
    'awake': ('awoke', 'awoken'),
    'be': ('was|were', 'been'),
    'bear': ('bore', 'borne|born'),
    'beat': ('beat', 'beaten|beat'),
    'become': ('became', 'become'),
    'befall': ('befell', 'befallen'),
    'beget': ('begot|begat', 'begotten'),
    'begin': ('began', 'begun'),
    'behold': ('beheld', 'beheld'),
    'bid': ('bid|bade', 'bid|bidden'),
    'bite': ('bit', 'bitten'),
    'blow': ('blew', 'blown'),
    'break': ('broke', 'broken'),
    'burn': ('burned|burnt', 'burned|burnt'),
    'choose': ('chose', 'chosen'),
    'cleave': ('cleaved|cleft|clove', 'cleaved|cleft|cloven'),
    'come': ('came', 'come'),
    'dive': ('dived|dove', 'dived'),
    'do': ('did', 'done'),
    'draw': ('drew', 'drawn'),
    'dream': ('dreamed|dreamt', 'dreamed|dreamt'),
    'drink': ('drank', 'drunk'),
    'drive': ('drove', 'driven'),
    'dwell': ('dwelt|dwelled', 'dwelt|dwelled'),
    'eat': ('ate', 'eaten'),
    'fall': ('fell', 'fallen'),
    'feed': ('fed', 'fed'),
    'fly': ('flew', 'flown'),
    'forbear': ('forbore', 'forborne'),
    'forbid': ('forbade|forbad', 'forbidden'),
    'forego': ('forewent', 'foregone'),
    'foresee': ('foresaw', 'foreseen'),
    'forget': ('forgot', 'forgotten'),
    'forgive': ('forgave', 'forgiven'),
    'forgo': ('forwent', 'forgone'),
    'forsake': ('forsook', 'forsaken'),
    'forswear': ('forswore', 'forsworn'),
    'freeze': ('froze', 'frozen'),
    'get': ('got', 'got|gotten'),
    'ghostwrite': ('ghostwrote', 'ghostwritten'),
    'give': ('gave', 'given'),
    'go': ('went', 'gone'),
    'grow': ('grew', 'grown'),
    'hang': ('hung|hanged', 'hung|hanged'),
    'have': ('had', 'had'),
    'heave': ('heaved|hove', 'heaved|hove'),
    'hew': ('hewed', 'hewn|hewed'),
    'hide': ('hid', 'hidden'),
    'interweave': ('interwove', 'interwoven'),
    'kneel': ('knelt|kneeled', 'knelt|kneeled'),
    'know': ('knew', 'known'),
    'lean': ('leaned|leant', 'leaned|leant'),
    'leap': ('leaped|leapt', 'leaped|leapt'),
    'learn': ('learned|learnt', 'learned|learnt'),
    'lie': ('lay|lied', 'lain|lied'),
    'light': ('lit|lighted', 'lit|lighted'),
    'mistake': ('mistook', 'mistaken'),
    'mow': ('mowed', 'mown|mowed'),
    'outbid': ('outbid', 'outbid|outbidden'),
    'outdo': ('outdid', 'outdone'),
    'outdraw': ('outdrew', 'outdrawn'),
    'outgrow': ('outgrew', 'outgrown'),
    'outrun': ('outran', 'outrun'),
    'outwear': ('outwore', 'outworn'),
    'overbid': ('overbid', 'overbid|overbidden'),
    'overcome': ('overcame', 'overcome'),
    'overdo': ('overdid', 'overdone'),
    'overdraw': ('overdrew', 'overdrawn'),
    'overfly': ('overflew', 'overflown'),
    'overgrow': ('overgrew', 'overgrown'),
    'override': ('overrode', 'overridden'),
    'overrun': ('overran', 'overrun'),
    'oversee': ('oversaw', 'overseen'),
    'overtake': ('overtook', 'overtaken'),
    'overthrow': ('overthrew', 'overthrown'),
    'overwrite': ('overwrote', 'overwritten'),
    'partake': ('partook', 'partaken'),
    'plead': ('pleaded|pled', 'pleaded|pled'),
    'prove': ('proved', 'proven|proved'),
    'redo': ('redid', 'redone'),
    'rerun': ('reran', 'rerun'),
    'retake': ('retook', 'retaken'),
    'rewrite': ('rewrote', 'rewritten'),
    'ride': ('rode', 'ridden'),
    'ring': ('rang', 'rung'),
    'rise': ('rose', 'risen'),
    'run': ('ran', 'run'),
    'saw': ('sawed', 'sawn|sawed'),
    'see': ('saw', 'seen'),
    'sew': ('sewed', 'sewn|sewed'),
    'shake': ('shook', 'shaken'),
    'shave': ('shaved', 'shaved|shaven'),
    'shine': ('shone|shined', 'shone|shined'),
    'show': ('showed', 'shown|showed'),
    'shrink': ('shrank|shrunk', 'shrunk|shrunken'),
    'sing': ('sang', 'sung'),
    'sink': ('sank|sunk', 'sunk|sunken'),
    'slay': ('slew', 'slain'),
    'slide': ('slid', 'slid'),
    'smell': ('smelled|smelt', 'smelled|smelt'),
    'smite': ('smote', 'smitten|smote'),
    'sneak': ('sneaked|snuck', 'sneaked|snuck'),
    'sow': ('sowed', 'sown|sowed'),
    'speak': ('spoke', 'spoken'),
    'speed': ('sped|speeded', 'sped|speeded'),
    'spell': ('spelled|spelt', 'spelled|spelt'),
    'spill': ('spilled|spilt', 'spilled|spilt'),
    'spit': ('spat|spit', 'spat|spit'),
    'spoil': ('spoiled|spoilt', 'spoiled|spoilt'),
    'spotlight': ('spotlit|spotlighted', 'spotlit|spotlighted'),
    'spring': ('sprang|sprung', 'sprung'),
    'steal': ('stole', 'stolen'),
    'stink': ('stank|stunk', 'stunk'),
    'strew': ('strewed', 'strewn|strewed'),
    'stride': ('strode', 'stridden'),
    'strike': ('struck', 'struck|stricken'),
    'strive': ('strove|strived', 'striven|strived'),
    'swear': ('swore', 'sworn'),
    'swell': ('swelled', 'swollen|swelled'),
    'swim': ('swam', 'swum'),
    'take': ('took', 'taken'),
    'tear': ('tore', 'torn'),
    'thrive': ('thrived|throve', 'thrived|thriven'),
    'throw': ('threw', 'thrown'),
    'tread': ('trod', 'trodden|trod'),
    'undergo': ('underwent', 'undergone'),
    'underlie': ('underlay', 'underlain'),
    'undertake': ('undertook', 'undertaken'),
    'underwrite': ('underwrote', 'underwritten'),
    'undo': ('undid', 'undone'),
    'unfreeze': ('unfroze', 'unfrozen'),
    'unlearn': ('unlearned|unlearnt', 'unlearned|unlearnt'),
    'wake': ('woke|waked', 'woken|waked'),
    'wear': ('wore', 'worn'),
    'weave': ('wove|weaved', 'woven|weaved'),
    'withdraw': ('withdrew', 'withdrawn'),
    'write': ('wrote', 'written'),
    'floodlight': ('floodlit|floodlighted', 'floodlit|floodlighted'),
    'shoe': ('shod|shoed', 'shod|shoed'),
    'shed': ('shed', 'shed'),
}

# Real, current irregular verbs whose single irregular form serves as both
# past and past participle (bring/brought) or that are covered by PARTS.
KEEP = set('''
abide arise awake be bear beat become befall beget begin behold bend beseech bid bind bite bleed blow
break breed bring browbeat build burn buy catch choose cleave cling come creep crossbreed deal dig dive
do draw dream drink drive dwell eat fall feed feel fight find flee fling floodlight fly forbear forbid
forego foresee foretell forget forgive forgo forsake forswear freeze gainsay get ghostwrite give go
grind grow hamstring hang have hear heave hew hide hold inbreed inlay interbreed interweave keep kneel
know lay lead lean leap learn leave lend lie light lose make mean meet misdeal mislay mislead misspell
misspend mistake misunderstand mow outbid outdo outdraw outfight outgrow outrun outsell outshine
outshoot outthink outwear overbid overbuild overcome overdo overdraw overfly overgrow overhang overhear
overlay overpay override overrun oversee oversell overshoot oversleep overspend overtake overthrow
overwrite partake pay plead prepay prove rebuild redo rehear remake rend repay rerun resit retake retell
rethink rewind rewrite ride ring rise run saw say see seek sell send sew shake shave shed shine shoe
shoot show shrink sing sink sit slay sleep slide sling slink smell smite sneak sow speak speed spell
spend spill spin spit spoil spotlight spring stand steal stick sting stink strew stride strike string
strive swear sweep swell swim swing take teach tear tell think thrive throw tread unbend unbind
undergo underlie underpay undersell undershoot understand undertake underwrite undo unfreeze unlearn unstick
unwind uphold wake waylay wear weave weep win wind withdraw withhold withstand wring write
'''.split())

# Candidates from verb.exc that are left out, by reason (all must be named).
DROP = {
    'archaic or obsolete': '''aby bename begird bestrew bestride betake bethink bless chide clepe curse dow
        enwind fordo foredo forespeak forspeak geld gin gird grip interplead inweave ken misplead reave reeve
        rive shend shew shrive strow transfix indwell misbecome unreeve unspeak unswear unteach unthink untread
        upbuild upheave uprise upspring upswell work address bypass overpass grave lade melt pen clothe
        unclothe backbite backslide gild gnaw soothsay''',
    'rare compound or technical': '''countersink flyblow foreknow forerun foreshow handfeed hacksaw interlay
        misgive outbreed outgo outlay outride outstand overbear overblow overdrive overflow overlie overspill
        oversew overwind quartersaw resew sightsee skydive spellbind stave typewrite underbuy underfeed
        undergird underlay unlay unmake unsay unsling unstring upsweep upswing whipsaw winterfeed wiredraw
        bespeak outgas''',
    'regular verb (spelling variant only)': '''bed chivy coopt coopts coordinate curet debus deepfreeze degas
        disenthral disenthrall embus gas honey ladify non-pros nonplus pasquinade program prologue quiz red
        seed squeegee swap torrefy trammel transship weed whiz popes taxis testes''',
    'hyphenated or multi-word entry': '''baby-sit bog-down bottle-feed breast-feed fine-draw force-feed
        gen-up jerry-build joy-ride quick-freeze re-tread rough-hew spoon-feed stall-feed ko ski tally-ho
        water-ski''',
    'modal or vulgar': 'may shit',
}

# Verbs whose past and participle equal the base (or have it as a variant).
# An exception list cannot show these; written from general knowledge.
ZERO_CHANGE = {
    'bet': ('bet', 'bet'),
    'beset': ('beset', 'beset'),
    'broadcast': ('broadcast|broadcasted', 'broadcast|broadcasted'),
    'burst': ('burst', 'burst'),
    'cast': ('cast', 'cast'),
    'cost': ('cost', 'cost'),
    'cut': ('cut', 'cut'),
    'fit': ('fit|fitted', 'fit|fitted'),
    'forecast': ('forecast|forecasted', 'forecast|forecasted'),
    'hit': ('hit', 'hit'),
    'hurt': ('hurt', 'hurt'),
    'input': ('input|inputted', 'input|inputted'),
    'knit': ('knit|knitted', 'knit|knitted'),
    'let': ('let', 'let'),
    'misread': ('misread', 'misread'),
    'offset': ('offset', 'offset'),
    'put': ('put', 'put'),
    'quit': ('quit|quitted', 'quit|quitted'),
    'read': ('read', 'read'),
    'recast': ('recast', 'recast'),
    'reread': ('reread', 'reread'),
    'reset': ('reset', 'reset'),
    'rid': ('rid|ridded', 'rid|ridded'),
    'set': ('set', 'set'),
    'shut': ('shut', 'shut'),
    'slit': ('slit', 'slit'),
    'split': ('split', 'split'),
    'spread': ('spread', 'spread'),
    'sublet': ('sublet', 'sublet'),
    'thrust': ('thrust', 'thrust'),
    'typeset': ('typeset', 'typeset'),
    'undercut': ('undercut', 'undercut'),
    'upset': ('upset', 'upset'),
    'wed': ('wed|wedded', 'wed|wedded'),
    'wet': ('wet|wetted', 'wet|wetted'),
}

# Irregular verbs that verb.exc lacks; written from general knowledge.
EXTRA = {
    'babysit': ('babysat', 'babysat'),
    'mishear': ('misheard', 'misheard'),
    'overeat': ('overate', 'overeaten'),
    'resell': ('resold', 'resold'),
}

VOWELS = 'aeiou'


def regular_ed(base):
    s = {base + 'ed'}
    if base.endswith('e'):
        s.add(base + 'd')
    if re.search('[^aeiou]y$', base):
        s.add(base[:-1] + 'ied')
    s.add(base + base[-1] + 'ed')
    if base.endswith('c'):
        s.add(base + 'ked')
    return s


def third_person(base):
    if base == 'be':
        return 'is'
    if base == 'have':
        return 'has'
    if re.search('(s|x|z|ch|sh|o)$', base):
        return base + 'es'
    if re.search('[^aeiou]y$', base):
        return base[:-1] + 'ies'
    return base + 's'


def present_participle(base):
    if base == 'be':
        return 'being'
    if base.endswith('ie'):
        return base[:-2] + 'ying'
    if base.endswith('e') and not re.search('(ee|oe|ye)$', base):
        return base[:-1] + 'ing'
    # double a final consonant after a single stressed vowel; all the
    # polysyllables in this list that end so are stressed on the last
    # syllable (begin, forget, upset, outbid, undercut ...).
    if re.search('(^|[^aeiou])[aeiou][bcdfgklmnprstvz]$', base) or re.search('qui[t]$', base):
        return base + base[-1] + 'ing'
    return base + 'ing'


def main():
    exc = sys.argv[1] if len(sys.argv) > 1 else '/tmp/wn/usr/share/wordnet/verb.exc'
    forms = collections.defaultdict(set)
    with open(exc, encoding='ascii') as f:
        for line in f:
            parts = line.split()
            for base in parts[1:]:
                forms[base].add(parts[0])

    dropped = set()
    for words in DROP.values():
        dropped.update(words.split())

    rows = {}
    problems = []
    for base in sorted(forms):
        fs = forms[base]
        irregular = sorted(f for f in fs if not f.endswith('ing') and f not in regular_ed(base)
                           and f not in (third_person(base), base + 's'))
        if not irregular:
            continue
        if base in dropped or '_' in base:
            continue
        if base not in KEEP:
            problems.append('candidate neither kept nor dropped: %s %s' % (base, irregular))
            continue
        if base in PARTS:
            past, pp = PARTS[base]
        elif len(irregular) == 1:
            past = pp = irregular[0]
        else:
            problems.append('several forms, no PARTS entry: %s %s' % (base, irregular))
            continue
        used = set(past.split('|')) | set(pp.split('|'))
        for f in irregular:
            if f in used or f == third_person(base):
                continue
            if base in ('be', 'have') or f in ('beholden', 'slidden', 'smit', 'feed'):
                continue  # am/are/is/has; adjective, archaic or stray WordNet form
            problems.append('WordNet form not used: %s -> %s' % (base, f))
        ing = [f for f in fs if f.endswith('ing')]
        for f in ing:
            if f != present_participle(base):
                problems.append('-ing form differs from WordNet: %s %s %s' % (base, f, present_participle(base)))
        rows[base] = (past, pp)
    for base in KEEP:
        if base not in rows and base not in ZERO_CHANGE:
            problems.append('kept verb not found as a candidate: ' + base)
    for table in (ZERO_CHANGE, EXTRA):
        for base, parts in table.items():
            if base in rows:
                problems.append('listed twice: ' + base)
            rows[base] = parts
            for f in forms.get(base, ()):
                if f.endswith('ing') and f != present_participle(base):
                    problems.append('-ing form differs from WordNet: %s %s' % (base, f))
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        sys.exit(1)

    lines = []
    for base, (past, pp) in rows.items():
        third = 'is' if base == 'be' else third_person(base)
        lines.append('\t'.join([base, past, pp, third, present_participle(base)]))
    lines.sort(key=lambda s: s.encode('utf-8'))
    with open(OUT, 'w', encoding='utf-8', newline='\n') as out:
        out.write('# irregular_verbs.tsv: English irregular verbs with their past, past participle, -s and -ing forms\n')
        out.write('# source: WordNet 3.0 verb.exc from Debian package wordnet-base 1:3.0-37 (Debian apt), forms assigned and -s/-ing forms added by the mtlint team\n')
        out.write('# licence: WordNet 3.0 licence (Princeton University, permissive, BSD-like; see /usr/share/doc/wordnet-base/copyright)\n')
        out.write('# generator: tools/phrasing/gen_irregular_verbs.py\n')
        out.write('base\tpast\tpast_participle\tthird_person\tpresent_participle\n')
        for l in lines:
            out.write(l + '\n')
    print('wrote %d verbs to %s' % (len(lines), OUT))


if __name__ == '__main__':
    main()
