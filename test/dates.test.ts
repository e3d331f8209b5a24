import dayjs from 'dayjs'
import 'dayjs/locale/fr.js'
import customParseFormat from 'dayjs/plugin/customParseFormat.js'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {builtinProfile} from '../src/index.js'
import {dateMessage, wordMessage} from '../src/lint/messages.js'
import {dateNotation, dateShape, formatDate, isIsoNotation, isoDate} from '../src/model/dates.js'
import {isIsoDate} from '../src/model/text.js'

dayjs.extend(customParseFormat)

describe('isoDate', () => {
  it('reads a real date in each notation as its ISO date', () => {
    const cases: [value: string, format: string, iso: string][] = [
      ['2026-03-14', 'YYYY-MM-DD', '2026-03-14'],
      ['14-03-2026', 'DD-MM-YYYY', '2026-03-14'],
      ['03/14/2026', 'MM/DD/YYYY', '2026-03-14'],
      ['14.03.2026', 'DD.MM.YYYY', '2026-03-14'],
      ['14/03/26', 'DD/MM/YY', '2026-03-14'],
      ['20260314', 'YYYYMMDD', '2026-03-14'],
      ['January 23rd, 2019', 'MMMM Do, YYYY', '2019-01-23'],
      ['March 1st, 2026', 'MMMM Do, YYYY', '2026-03-01'],
      ['March 2nd, 2026', 'MMMM Do, YYYY', '2026-03-02'],
      ['March 3rd, 2026', 'MMMM Do, YYYY', '2026-03-03'],
      ['March 11th, 2026', 'MMMM Do, YYYY', '2026-03-11'],
      ['March 12th, 2026', 'MMMM Do, YYYY', '2026-03-12'],
      ['March 13th, 2026', 'MMMM Do, YYYY', '2026-03-13'],
      ['March 21st, 2026', 'MMMM Do, YYYY', '2026-03-21'],
      ['March 22nd, 2026', 'MMMM Do, YYYY', '2026-03-22'],
      ['March 31st, 2026', 'MMMM Do, YYYY', '2026-03-31'],
      ['Mar 20, 2025', 'MMM D, YYYY', '2025-03-20'],
      ['Mar 5, 2025', 'MMM D, YYYY', '2025-03-05'],
      ['Sep 9, 2025', 'MMM D, YYYY', '2025-09-09'],
      ['5 March 2026', 'D MMMM YYYY', '2026-03-05'],
      ['the 14th of March, 2026', '[the] Do [of] MMMM, YYYY', '2026-03-14'],
      // Template writers' variants: lower-case hints, date-fns tokens, the word Month.
      ['2026-03-14', 'yyyy-mm-dd', '2026-03-14'],
      ['14-03-2026', 'dd-mm-yyyy', '2026-03-14'],
      ['14/03/2026', 'dd/mm/yyyy', '2026-03-14'],
      ['2026-03-14', 'yyyy-MM-dd', '2026-03-14'],
      ['January 23rd, 2019', 'Month Do, YYYY', '2019-01-23'],
      ['23rd January 2019', 'do MMMM yyyy', '2019-01-23']
    ]
    for (const [value, format, iso] of cases) expect(isoDate(value, format), `${value} in ${format}`).toBe(iso)
  })

  it('takes ISO when no notation is given', () => {
    expect(isoDate('2026-03-14')).toBe('2026-03-14')
    expect(isoDate('14-03-2026')).toBeUndefined()
  })

  it('knows leap years: February 29th only in a leap year, in every notation', () => {
    const leap: [string, string, string][] = [
      ['2024-02-29', '2025-02-29', 'YYYY-MM-DD'],
      ['29-02-2024', '29-02-2025', 'DD-MM-YYYY'],
      ['02/29/2024', '02/29/2025', 'MM/DD/YYYY'],
      ['February 29th, 2024', 'February 29th, 2025', 'MMMM Do, YYYY'],
      ['Feb 29, 2024', 'Feb 29, 2025', 'MMM D, YYYY']
    ]
    for (const [real, none, format] of leap) {
      expect(isoDate(real, format), real).toBe('2024-02-29')
      expect(isoDate(none, format), none).toBeUndefined()
    }
    expect(isoDate('29-02-2000', 'DD-MM-YYYY')).toBe('2000-02-29')
    expect(isoDate('29-02-1900', 'DD-MM-YYYY')).toBeUndefined()
  })

  it('never rolls an impossible day over to the next month', () => {
    for (const [value, format] of [
      ['2026-02-30', 'YYYY-MM-DD'],
      ['30-02-2026', 'DD-MM-YYYY'],
      ['31-04-2026', 'DD-MM-YYYY'],
      ['04/31/2026', 'MM/DD/YYYY'],
      ['February 30th, 2026', 'MMMM Do, YYYY'],
      ['April 31st, 2026', 'MMMM Do, YYYY'],
      ['Apr 31, 2026', 'MMM D, YYYY'],
      ['00-03-2026', 'DD-MM-YYYY'],
      ['14-13-2026', 'DD-MM-YYYY'],
      ['32-01-2026', 'DD-MM-YYYY']
    ]) {
      expect(isoDate(value!, format), `${value} in ${format}`).toBeUndefined()
    }
  })

  it('is strict: the ordinal, padding, case and spacing the notation writes, and nothing around', () => {
    for (const [value, format] of [
      ['January 23th, 2019', 'MMMM Do, YYYY'],
      ['March 1th, 2026', 'MMMM Do, YYYY'],
      ['March 2th, 2026', 'MMMM Do, YYYY'],
      ['March 11st, 2026', 'MMMM Do, YYYY'],
      ['March 23, 2026', 'MMMM Do, YYYY'],
      ['january 23rd, 2019', 'MMMM Do, YYYY'],
      ['JANUARY 23rd, 2019', 'MMMM Do, YYYY'],
      ['Jan 23rd, 2019', 'MMMM Do, YYYY'],
      ['Mar 05, 2025', 'MMM D, YYYY'],
      ['mar 5, 2025', 'MMM D, YYYY'],
      ['March 5, 2025', 'MMM D, YYYY'],
      ['4-3-2026', 'DD-MM-YYYY'],
      ['14/03/2026', 'DD-MM-YYYY'],
      ['2026-03-14', 'DD-MM-YYYY'],
      ['14-03-2026', 'YYYY-MM-DD'],
      [' 14-03-2026', 'DD-MM-YYYY'],
      ['14-03-2026 ', 'DD-MM-YYYY'],
      ['14-03-2026.', 'DD-MM-YYYY'],
      ['2026-3-14', 'YYYY-MM-DD'],
      ['', 'DD-MM-YYYY'],
      ['{DATE}', 'DD-MM-YYYY']
    ]) {
      expect(isoDate(value!, format), `${value} in ${format}`).toBeUndefined()
    }
  })

  it('takes a value far longer than its notation for no date, without reading it', () => {
    for (const value of ['1'.repeat(100_000), 'January 1st, 2026'.repeat(10_000), '14-03-2026' + ' '.repeat(50_000)]) {
      expect(isoDate(value, 'MMMM Do, YYYY')).toBeUndefined()
      expect(isoDate(value, 'DD-MM-YYYY')).toBeUndefined()
      expect(dateShape(value, 'MMMM Do, YYYY')).toBe('otherNotation')
    }
  })

  it('reads English month names whatever locale a program set for dayjs', () => {
    dayjs.locale('fr')
    try {
      expect(isoDate('January 23rd, 2019', 'MMMM Do, YYYY')).toBe('2019-01-23')
      expect(formatDate('2019-01-23', 'MMMM Do, YYYY')).toBe('January 23rd, 2019')
    } finally {
      dayjs.locale('en')
    }
  })

  it('agrees with dayjs on ISO dates of every year from 100 (ISO is the special case)', () => {
    const digits = (length: number): fc.Arbitrary<string> => fc.string({unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length})
    const shaped = fc.tuple(fc.integer({min: 100, max: 9999}), digits(2), digits(2)).map(([year, month, day]) => `${String(year).padStart(4, '0')}-${month}-${day}`)
    const real = fc.date({min: new Date('0100-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true}).map((date) => date.toISOString().slice(0, 10))
    fc.assert(
      fc.property(fc.oneof(shaped, real), (value) => {
        const byDayjs = dayjs(value, 'YYYY-MM-DD', true).isValid()
        expect(isIsoDate(value)).toBe(byDayjs)
        expect(isoDate(value) !== undefined).toBe(byDayjs)
      }),
      {numRuns: 2000}
    )
  })
})

describe('formatDate', () => {
  it('writes an ISO date in a notation', () => {
    expect(formatDate('2026-03-14', 'DD-MM-YYYY')).toBe('14-03-2026')
    expect(formatDate('2026-03-14', 'dd/mm/yyyy')).toBe('14/03/2026')
    expect(formatDate('2019-01-23', 'MMMM Do, YYYY')).toBe('January 23rd, 2019')
    expect(formatDate('2025-03-05', 'MMM D, YYYY')).toBe('Mar 5, 2025')
    expect(formatDate('2026-03-14', 'YYYY-MM-DD')).toBe('2026-03-14')
    expect(formatDate('2026-03-14')).toBe('2026-03-14')
  })

  it('writes nothing for what is not a real ISO date', () => {
    expect(formatDate('2026-02-30', 'DD-MM-YYYY')).toBeUndefined()
    expect(formatDate('14-03-2026', 'DD-MM-YYYY')).toBeUndefined()
    expect(formatDate('2026-02-30')).toBeUndefined()
  })

  it('writes what isoDate reads back, in every notation', () => {
    const notations = ['YYYY-MM-DD', 'DD-MM-YYYY', 'MM/DD/YYYY', 'MMMM Do, YYYY', 'MMM D, YYYY', 'D MMMM YYYY', 'dd.mm.yyyy', 'Month Do, YYYY']
    const day = fc.date({min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true}).map((date) => date.toISOString().slice(0, 10))
    fc.assert(
      fc.property(day, fc.constantFrom(...notations), (iso, format) => {
        const written = formatDate(iso, format)
        expect(written).toBeDefined()
        expect(isoDate(written!, format)).toBe(iso)
        expect(dateShape(written!, format)).toBe('date')
      }),
      {numRuns: 1000}
    )
  })
})

describe('dateShape', () => {
  it('tells a day the calendar has not from a value in another notation', () => {
    const cases: [value: string, format: string, shape: string][] = [
      ['2026-03-14', 'YYYY-MM-DD', 'date'],
      ['2026-02-30', 'YYYY-MM-DD', 'noSuchDay'],
      ['2026-13-45', 'YYYY-MM-DD', 'noSuchDay'],
      ['March 14, 2026', 'YYYY-MM-DD', 'otherNotation'],
      ['2026-3-14', 'YYYY-MM-DD', 'otherNotation'],
      ['14-03-2026', 'DD-MM-YYYY', 'date'],
      ['31-04-2026', 'DD-MM-YYYY', 'noSuchDay'],
      ['29-02-2025', 'DD-MM-YYYY', 'noSuchDay'],
      ['2026-03-14', 'DD-MM-YYYY', 'otherNotation'],
      ['14/03/2026', 'DD-MM-YYYY', 'otherNotation'],
      ['February 30th, 2026', 'MMMM Do, YYYY', 'noSuchDay'],
      ['April 31st, 2026', 'MMMM Do, YYYY', 'noSuchDay'],
      ['February 23th, 2026', 'MMMM Do, YYYY', 'otherNotation'],
      ['february 3rd, 2026', 'MMMM Do, YYYY', 'otherNotation'],
      ['Feb 30, 2026', 'MMM D, YYYY', 'noSuchDay'],
      ['Feb 03, 2026', 'MMM D, YYYY', 'otherNotation'],
      ['30-02-2026', 'dd-mm-yyyy', 'noSuchDay']
    ]
    for (const [value, format, shape] of cases) expect(dateShape(value, format), `${value} in ${format}`).toBe(shape)
  })
})

describe('dateNotation', () => {
  it('reads template writers’ variants as dayjs tokens', () => {
    const cases: [string, string][] = [
      ['yyyy-mm-dd', 'YYYY-MM-DD'],
      ['YYYY-MM-DD', 'YYYY-MM-DD'],
      ['dd-mm-yyyy', 'DD-MM-YYYY'],
      ['DD/MM/YY', 'DD/MM/YY'],
      ['yyyy-MM-dd', 'YYYY-MM-DD'],
      ['d MMMM yyyy', 'D MMMM YYYY'],
      ['Month Do, YYYY', 'MMMM Do, YYYY'],
      ['month do, yyyy', 'MMMM Do, YYYY'],
      ['MMMM Do, YYYY', 'MMMM Do, YYYY'],
      ['MMM D, YYYY', 'MMM D, YYYY'],
      ['[due] dd.mm.yyyy', '[due] DD.MM.YYYY'],
      // With hours, `mm` is minutes; three or more `d` are a weekday.
      ['yyyy-MM-dd HH:mm', 'YYYY-MM-DD HH:mm'],
      ['dddd, MMMM Do', 'dddd, MMMM Do']
    ]
    for (const [format, notation] of cases) expect(dateNotation(format), format).toBe(notation)
    expect(dateNotation()).toBe('YYYY-MM-DD')
    expect(isIsoNotation(undefined)).toBe(true)
    expect(isIsoNotation('yyyy-mm-dd')).toBe(true)
    expect(isIsoNotation('DD-MM-YYYY')).toBe(false)
  })
})

describe('dateMessage', () => {
  const word = (field: string, value: string, format?: string): string => wordMessage(dateMessage(field, value, format), builtinProfile)

  it('words the built-in template’s dates as before', () => {
    expect(dateMessage('date', 'March 14, 2026')).toEqual({messageId: 'dateFormat', data: {field: 'date', value: 'March 14, 2026'}})
    expect(word('date', 'March 14, 2026')).toBe('Unexpected `March 14, 2026` for `**Date:**`, expected a date written `YYYY-MM-DD`')
    expect(word('date', '2026-02-30')).toBe('Unexpected `2026-02-30` for `**Date:**`, expected a real calendar date (there is no such day)')
    // An ISO notation however the template writes it: the same message, and no notation in its data.
    expect(dateMessage('date', '2026-02-30', 'yyyy-mm-dd')).toEqual({messageId: 'noSuchDate', data: {field: 'date', value: '2026-02-30'}})
    expect(dateMessage('date', '14-03-2026', 'yyyy-mm-dd')).toEqual({messageId: 'dateFormat', data: {field: 'date', value: '14-03-2026'}})
  })

  it('names the notation a field is written in', () => {
    expect(dateMessage('date', '2026-03-14', 'dd-mm-yyyy')).toEqual({messageId: 'dateFormat', data: {field: 'date', value: '2026-03-14', format: 'DD-MM-YYYY'}})
    expect(word('date', '2026-03-14', 'DD-MM-YYYY')).toBe('Unexpected `2026-03-14` for `**Date:**`, expected a date written `DD-MM-YYYY`')
    expect(word('date', 'Jan 23, 2019', 'MMMM Do, YYYY')).toBe('Unexpected `Jan 23, 2019` for `**Date:**`, expected a date written `MMMM Do, YYYY`')
    expect(word('date', '31-04-2026', 'DD-MM-YYYY')).toBe('Unexpected `31-04-2026` for `**Date:**`, expected a real calendar date (there is no such day)')
  })
})
